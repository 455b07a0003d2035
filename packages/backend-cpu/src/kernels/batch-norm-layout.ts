import type { StaticShape } from '@cnnkit/core';

/** x as [batch, channels, inner]: batch norm's statistics run over batch and inner, per channel. */
export interface ChannelLayout {
  readonly batch: number;
  readonly channels: number;
  readonly inner: number;
  /** Elements per channel: batch · inner. */
  readonly count: number;
}

export function channelLayout(shape: StaticShape): ChannelLayout {
  const batch = shape[0]!, channels = shape[1]!;
  let inner = 1;
  for (let i = 2; i < shape.length; i++) inner *= shape[i]!;
  return { batch, channels, inner, count: batch * inner };
}
