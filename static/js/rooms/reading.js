// Read markers: the newest message seen on screen (IntersectionObserver), told to the
// server shortly after, only while the page is in front of someone.

const READ_DELAY_MS = 400;

export class Reading {
  // `send(frame)`: true if it went.
  constructor(send) {
    this.send = send;
    this.visible = new Set();
    this.sent = 0;
    this.timer = 0;
    this.observer = "IntersectionObserver" in window
      ? new IntersectionObserver((entries) => {
        for (const entry of entries) {
          const seq = Number(entry.target.dataset.seq);
          if (entry.isIntersecting) {
            this.visible.add(seq);
          } else {
            this.visible.delete(seq);
          }
        }
        this.schedule();
      })
      : null;
    document.addEventListener("visibilitychange", () => this.schedule());
  }

  observe(li) {
    if (this.observer && li.dataset.seq) {
      this.observer.observe(li);
    }
  }

  // The message went (deleted or hidden): it no longer counts as seen.
  forget(seq) {
    this.visible.delete(seq);
  }

  // A new connection: tell the server again where we are.
  newConnection() {
    this.sent = 0;
    this.schedule();
  }

  schedule() {
    if (this.timer || document.visibilityState !== "visible") {
      return;
    }
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      if (document.visibilityState !== "visible" || this.visible.size === 0) {
        return;
      }
      const seq = Math.max(...this.visible);
      if (seq > this.sent && this.send({ type: "read", seq })) {
        this.sent = seq;
      }
    }, READ_DELAY_MS);
  }
}
