import { createHash } from 'node:crypto';
import type { OrtSession } from './ort';

interface Entry {
  readonly key: string;
  readonly session: Promise<OrtSession>;
  /** Executables using the session now. */
  refs: number;
  /** When it was last released, for evicting the least recently used idle session. */
  idleSince: number;
}

/** What a compile gets: the session and a release to call once (on the executable's dispose). */
export interface SessionLease {
  readonly session: OrtSession;
  release(): void;
}

/** The key of a model: the SHA-256 of its ONNX bytes (weights included), so equal graphs share one session. */
export function modelKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * ORT sessions by model content. One session serves every batch size: the exported model keeps
 * symbolic dimensions as ONNX dim_params and ORT plans memory per run from the feeds' shapes, so
 * caching per input shape as well would only hold one copy of the weights per shape. Sessions in
 * use are never evicted; idle ones (every executable over them disposed) stay for a later compile
 * of the same graph, at most `maxIdle` of them, least recently used released first.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxIdle: number;
  #clock = 0;

  constructor(maxIdle: number) {
    this.#maxIdle = maxIdle;
  }

  /** The session for `key`, made with `create` when there is none (concurrent compiles of one model share the creation). */
  async acquire(key: string, create: () => Promise<OrtSession>): Promise<SessionLease> {
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = { key, session: create(), refs: 0, idleSince: 0 };
      this.#entries.set(key, entry);
      const made = entry;
      made.session.catch(() => {
        if (this.#entries.get(key) === made) this.#entries.delete(key);
      });
    }
    entry.refs++;
    let session: OrtSession;
    try {
      session = await entry.session;
    } catch (error) {
      entry.refs--;
      throw error;
    }
    const held = entry;
    let released = false;
    return {
      session,
      release: () => {
        if (released) return;
        released = true;
        held.refs--;
        if (held.refs === 0) {
          held.idleSince = ++this.#clock;
          this.#evict();
        }
      },
    };
  }

  /** Whether a session for `key` is cached (in use or idle). */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  #evict(): void {
    const idle = [...this.#entries.values()].filter((e) => e.refs === 0).sort((a, b) => a.idleSince - b.idleSince);
    for (const e of idle.slice(0, Math.max(0, idle.length - this.#maxIdle))) this.#drop(e);
  }

  #drop(e: Entry): void {
    this.#entries.delete(e.key);
    void e.session.then((s) => s.release()).catch(() => undefined);
  }

  /** Releases every session, in use or not (the backend is being disposed). */
  clear(): void {
    for (const e of [...this.#entries.values()]) this.#drop(e);
  }
}
