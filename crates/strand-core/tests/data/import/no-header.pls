File1=a.mp3
Title1=A
