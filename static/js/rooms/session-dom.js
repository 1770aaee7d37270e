// Small helpers of the session panel (session.js and the modules it is made of).

// As Django's truncatechars.
export function truncate(text, max) {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join("") + "…";
}

export function setText(node, text) {
  if (node && node.textContent !== text) {
    node.textContent = text;
  }
}

// Where the focus is, so as to find the same control in a panel fetched again.
export function focusPath(active) {
  if (active.id) {
    return { id: active.id };
  }
  const holder = active.parentElement ? active.parentElement.closest("[id]") : null;
  let selector = active.tagName.toLowerCase();
  for (const name of active.classList) {
    selector += "." + CSS.escape(name);
  }
  if (active.getAttribute("name")) {
    selector += '[name="' + CSS.escape(active.getAttribute("name")) + '"]';
  }
  return { holder: holder ? holder.id : null, selector };
}

export function focusWithin(node) {
  return Boolean(node) && node.contains(document.activeElement);
}

// Focus something that is not focusable by itself (a heading, a message).
export function focusStill(node) {
  if (!node) {
    return;
  }
  if (!node.hasAttribute("tabindex")) {
    node.setAttribute("tabindex", "-1");
  }
  node.focus();
}
