// Times and durations as people read them, always inside <time datetime> so assistive technology
// and copy-paste get the exact instant.

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateAndClock = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "3:04 PM" today, "Nov 27, 2026, 3:04 PM" on another day. */
export function formatInstant(iso, now = new Date()) {
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? clock.format(at) : dateAndClock.format(at);
}

/** A <time> element for an instant. */
export function timeElement(iso, now = new Date()) {
  const time = document.createElement('time');
  time.dateTime = iso;
  time.textContent = formatInstant(iso, now);
  return time;
}

/** "45 s", "3 min", "3 min 05 s", "1 h 02 min": short enough for a list, whole words for a reader. */
export function formatDuration(totalSeconds, { withSeconds = true } = {}) {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return seconds + ' s';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return hours + ' h ' + String(minutes).padStart(2, '0') + ' min';
  return withSeconds && rest > 0 ? minutes + ' min ' + String(rest).padStart(2, '0') + ' s' : minutes + ' min';
}

/** An ISO 8601 duration for <time datetime> ("PT3M5S"). */
export function isoDuration(totalSeconds) {
  const seconds = Math.max(0, Math.round(totalSeconds));
  return 'PT' + (seconds >= 3600 ? Math.floor(seconds / 3600) + 'H' : '') + (seconds >= 60 ? Math.floor((seconds % 3600) / 60) + 'M' : '') + (seconds % 60) + 'S';
}

/** Whole seconds from `now` until `iso` (negative once passed). */
export function secondsUntil(iso, now = Date.now()) {
  return Math.round((new Date(iso).getTime() - now) / 1000);
}

/** Whole seconds since `iso`. */
export function secondsSince(iso, now = Date.now()) {
  return Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
}
