import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { api } from './lib/api';
import { loadFirstScreen } from './lib/state/first-screen';
import { ThemeState } from './lib/theme.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// The theme first, so the first frame is drawn in it.
const theme = new ThemeState();
export default mount(App, { target, props: { ...(await loadFirstScreen(api)), theme } });
