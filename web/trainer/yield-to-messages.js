// Lets a worker's queued messages run in the middle of long work (training, fields), so that a
// reset, a pause or a setting change wins over it. Leaves deciding what to stop to the caller.

let channel = null;
const yielded = [];

/**
 * A macrotask through a MessageChannel: queued messages run before it, and unlike setTimeout it
 * is not clamped to 4 ms when nested. The channel is made on first use, as an idle one would keep
 * a process (Node's tests) alive.
 * @returns {Promise<void>}
 */
export function yieldToMessages() {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => yielded.shift()();
  }
  return new Promise((resolve) => {
    yielded.push(resolve);
    channel.port2.postMessage(null);
  });
}
