// The world's clock. It follows real time from `start` on, plus whatever `advance` added; a
// frozen clock moves only through `advance` (for tests that need exact times).

/**
 * @typedef {{ now(): number, advance(ms: number): number }} Clock
 * @param {{ start?: number, frozen?: boolean }} [options] `start`: epoch ms (default: now)
 * @returns {Clock}
 */
export function createClock({ start = Date.now(), frozen = false } = {}) {
  const origin = Date.now();
  let offset = 0;
  return {
    now: () => start + offset + (frozen ? 0 : Date.now() - origin),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The clock only moves forward by a finite number of milliseconds (got ${ms})`);
      offset += ms;
      return this.now();
    },
  };
}
