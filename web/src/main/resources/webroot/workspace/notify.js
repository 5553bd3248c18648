// Getting the agent's attention: a short tone (off until the agent turns it on; remembered per agent
// in this browser; made with WebAudio, no sound file), the count in the page title, and desktop
// notifications once the agent has allowed them.

import { byId, setText } from '/lib/dom.js';
import { pageTitle } from '/workspace/model.js';

export function notifier(username) {
  const soundKey = 'accessline.workspace.' + username + '.sound';
  let audio = null;
  let base = document.title;
  const sound = byId('sound-on');
  sound.checked = localStorage.getItem(soundKey) === 'on';
  sound.addEventListener('change', () => {
    localStorage.setItem(soundKey, sound.checked ? 'on' : 'off');
    if (sound.checked) tone();
  });

  function tone() {
    if (!sound.checked) return;
    try {
      audio = audio || new AudioContext();
      if (audio.state === 'suspended') audio.resume();
      const now = audio.currentTime;
      const gain = audio.createGain();
      gain.gain.setValueAtTime(0.0001, now);
      gain.gain.exponentialRampToValueAtTime(0.2, now + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.45);
      gain.connect(audio.destination);
      [660, 880].forEach((frequency, i) => {
        const osc = audio.createOscillator();
        osc.type = 'sine';
        osc.frequency.value = frequency;
        osc.connect(gain);
        osc.start(now + i * 0.15);
        osc.stop(now + 0.45);
      });
    } catch (e) { /* no audio device: the title and the live regions still tell */ }
  }

  function describePermission() {
    if (!('Notification' in window)) {
      setText(byId('desktop-status'), 'This browser has no desktop notifications.');
      byId('desktop-notifications').hidden = true;
      return;
    }
    const words = { granted: 'Desktop notifications are on while this page is in the background.',
      denied: 'Desktop notifications are blocked in this browser\'s site settings.', default: 'Desktop notifications are off.' };
    setText(byId('desktop-status'), words[Notification.permission] || '');
    byId('desktop-notifications').hidden = Notification.permission !== 'default';
  }
  byId('desktop-notifications').addEventListener('click', async () => {
    try { await Notification.requestPermission(); } catch (e) { /* older browsers: the callback form; nothing to do */ }
    describePermission();
  });
  describePermission();

  /** Something new for the agent: a tone and, with the page in the background, a desktop notification. */
  function alert(title, body) {
    tone();
    if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
      try {
        const n = new Notification(title, { body, tag: 'accessline-' + title });
        n.onclick = () => { window.focus(); n.close(); };
      } catch (e) { /* notifications are a help, not a need */ }
    }
  }

  return {
    alert,
    setBase(text) { base = text; },
    count(offers, unread) {
      const title = pageTitle(base, offers, unread);
      if (document.title !== title) document.title = title;
    }
  };
}
