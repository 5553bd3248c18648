// A table body whose rows are kept by key and changed in place: a new item adds one row, a changed
// item changes only the cells that differ, and a row moves only when it is out of order. Focus and
// the reader's place survive every update; a row that leaves hands focus to `fallback(active)`.

/**
 * @param tbody the table body to keep
 * @param key item -> string
 * @param build item -> a new <tr> (`update` fills it right after)
 * @param update (tr, item) -> void, changing only what differs
 * @param fallback (the focused element) -> element to focus when the focused row leaves the table
 */
export function keyedRows(tbody, { key, build, update, fallback = () => null }) {
  const rows = new Map();

  /** Adds rows for new items (at the end until `order`) and updates the rest. */
  function upsert(items) {
    for (const item of items) {
      const k = key(item);
      let tr = rows.get(k);
      if (!tr) {
        tr = build(item);
        tr.dataset.key = k;
        rows.set(k, tr);
        tbody.appendChild(tr);
      }
      update(tr, item);
    }
  }

  /** Removes the rows whose keys are not in `keep`. */
  function prune(keep) {
    const active = document.activeElement;
    let lostFocus = false;
    for (const [k, tr] of rows) {
      if (keep.has(k)) continue;
      if (active && tr.contains(active)) lostFocus = true;
      tr.remove();
      rows.delete(k);
    }
    if (lostFocus) {
      const next = fallback(active);
      if (next) next.focus();
    }
  }

  /** Puts the rows in the items' order, moving only rows out of place, and keeps focus where it was. */
  function order(items) {
    const active = document.activeElement;
    items.forEach((item, index) => {
      const tr = rows.get(key(item));
      const here = tbody.children[index];
      if (tr && here !== tr) tbody.insertBefore(tr, here || null);
    });
    if (active && active !== document.activeElement && active.isConnected) active.focus({ preventScroll: true });
  }

  function sync(items) {
    upsert(items);
    prune(new Set(items.map(key)));
    order(items);
    return rows.size;
  }

  return { sync, upsert, prune, order, rows };
}

/** Sets a cell's text when it differs (nothing changes under a reader's cursor otherwise). */
export function cellText(td, text) {
  if (td.textContent !== text) td.textContent = text;
}
