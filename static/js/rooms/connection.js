// The room's WebSocket: connects, says in which state it is, retries a lost connection
// with exponential back-off and full jitter (capped), at once when the network comes
// back, and stops for good after a refusal that trying again cannot help
// (DESIGN.md, "The room protocol": close codes).

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 15000;
const FINAL_CLOSE_CODES = new Set([4401, 4403, 4404]);

// How long to wait before attempt number `attempt` (0 for the first retry): anywhere
// between 0 and the capped exponential delay, so that a restarted server is not hit by
// every client at the same instant. `random` returns a number in [0, 1).
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return random() * ceiling;
}

export function isFinalClose(code) {
  return FINAL_CLOSE_CODES.has(code);
}

export class Connection {
  // `url`: the socket's address. Callbacks:
  // - onState(state, params): "connecting", "connected", "reconnecting" ({seconds}),
  //   "offline", "closed_<code>";
  // - onSocket(): a new socket is being opened (what was asked on the old one is lost);
  // - onHello(frame, reconnected): the server accepted this connection;
  // - onFrame(frame): any other frame;
  // - onLost(): the connection went (it is being retried);
  // - onClosedForGood(code): it will not be retried.
  constructor(url, callbacks) {
    this.url = url;
    this.on = callbacks;
    this.socket = null;
    this.attempt = 0;
    this.everConnected = false;
    this.retryTimer = 0;
    this.closedForGood = false;
  }

  start() {
    window.addEventListener("online", () => {
      if (!this.socket && !this.closedForGood) {
        this.connect();
      }
    });
    window.addEventListener("offline", () => {
      if (!this.closedForGood) {
        this.on.onState("offline");
      }
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && !this.socket && this.retryTimer
        && !this.closedForGood) {
        this.connect(); // back in front of someone: no need to wait for the timer
      }
    });
    this.connect();
  }

  isOpen() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  // Send a frame if connected; false otherwise (the caller keeps what must go later).
  send(frame) {
    if (!this.isOpen()) {
      return false;
    }
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  connect() {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = 0;
    if (this.closedForGood || this.socket) {
      return;
    }
    if (navigator.onLine === false) {
      this.on.onState("offline");
      return; // the "online" event connects again
    }
    if (this.attempt === 0) {
      // Retries keep the "reconnecting" words: one announcement per attempt is enough.
      this.on.onState("connecting");
    }
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = ws;
    this.on.onSocket();
    ws.addEventListener("message", (event) => {
      if (this.socket !== ws) {
        return;
      }
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame && frame.type === "hello") {
        this.hello(frame);
      } else if (frame) {
        this.on.onFrame(frame);
      }
    });
    ws.addEventListener("close", (event) => {
      if (this.socket !== ws) {
        return;
      }
      this.socket = null;
      this.on.onLost();
      if (isFinalClose(event.code)) {
        this.closeForGood(event.code);
      } else {
        this.scheduleReconnect();
      }
    });
  }

  hello(frame) {
    const reconnected = this.everConnected;
    this.everConnected = true;
    this.attempt = 0;
    this.on.onState("connected");
    this.on.onHello(frame, reconnected);
  }

  scheduleReconnect() {
    if (this.closedForGood) {
      return;
    }
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    if (navigator.onLine === false) {
      this.on.onState("offline");
      return;
    }
    this.on.onState("reconnecting", { seconds: Math.max(1, Math.ceil(delay / 1000)) });
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  closeForGood(code) {
    this.closedForGood = true;
    this.on.onState("closed_" + code);
    this.on.onClosedForGood(code);
  }
}
