[playlist]
File1=http://radio.example.org/stream
Title1=Example Radio
Length1=-1
File2=Local%20File.mp3
Title2=Pixel Choir - Local
Length2=242
NumberOfEntries=2
Version=2
