// "Save a copy": a plain-text file of a conversation as the page shows it, with each line's date
// and time, downloaded to the person's own device. Nothing is sent anywhere.

const stamp = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The text of a log's list: one line per item, "[date, time] Who: text". Items still being sent
 * say so, so the copy never claims a message arrived that did not.
 */
export function transcriptText(list, { title, now = new Date() }) {
  const lines = [title, 'Saved ' + stamp.format(now), ''];
  for (const li of list.querySelectorAll(':scope > li')) {
    const time = li.querySelector('time');
    const when = time ? '[' + stamp.format(new Date(time.dateTime)) + '] ' : '';
    const who = li.querySelector('.who');
    const text = li.querySelector('.text');
    const body = text ? text.textContent : li.textContent.trim();
    const unsent = li.classList.contains('pending') ? ' (not sent yet)' : '';
    lines.push(when + (who ? who.textContent + ': ' : '') + body + unsent);
  }
  return lines.join('\n') + '\n';
}

/** Starts a download of `text` as `<base>-YYYY-MM-DD-HHMM.txt` and answers the file's name. */
export function download(text, base, now = new Date()) {
  const pad = n => String(n).padStart(2, '0');
  const name = base + '-' + now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate()) + '-' + pad(now.getHours()) + pad(now.getMinutes()) + '.txt';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}
