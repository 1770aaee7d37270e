// Small DOM helpers: every text goes in as text, never as HTML.

export function el(tag, attributes, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === "className") {
      node.className = value;
    } else if (name === "text") {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children || []) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child);
    }
  }
  return node;
}

// Words for screen readers only ("Supprimer" + " ce message").
export function hiddenText(text) {
  return el("span", { className: "visually-hidden", text: " " + text });
}

// Remove a node and the space the template put before it ("… <span>(modifié)</span>").
export function removeWithSpace(node) {
  const before = node.previousSibling;
  if (before && before.nodeType === Node.TEXT_NODE && !before.textContent.trim()) {
    before.remove();
  }
  node.remove();
}

export function uuid() {
  if (window.crypto && crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
    hex.slice(20)].join("-");
}
