// Turns JS data a caller passes (settings, a model) into the JSON text core reads, or throws an
// Error naming the call and the field — before anything reaches wasm, so a rejected input never
// grows wasm memory. It enforces a byte limit while it writes (a huge array fails after the
// limit, not after serialising it), a nesting limit, and plain data only: no cycles, Maps, Dates,
// class instances, symbols, functions, bigints, non-finite numbers, unpaired surrogates or
// detached typed arrays.

/**
 * Limits per kind of input, as core enforces them (lab.schema.limits): settings are a few
 * hundred bytes (up to ~230 KB with 5000 rows of own data); the largest model ~60 KB.
 */
export const JSON_LIMITS = Object.freeze({
  settings: Object.freeze({maxBytes: 256 * 1024, maxDepth: 16}),
  model: Object.freeze({maxBytes: 256 * 1024, maxDepth: 16}),
  options: Object.freeze({maxBytes: 16 * 1024, maxDepth: 8}),
});

/** An Error whose message starts with the call: "createArena: layers[2]: ...". */
export function callError(what, path, message) {
  return new Error(path ? `${what}: ${path}: ${message}` : `${what}: ${message}`);
}

/** @returns {string} how a value is named in a message: "a Map", "an array", "null". */
export function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  if (type !== 'object') return type === 'undefined' ? 'undefined' : `a ${type}`;
  let name = 'object';
  try {
    const proto = Object.getPrototypeOf(value);
    name = proto === null ? 'object without prototype' :
                            (proto.constructor && proto.constructor.name) || 'object';
  } catch {
    // A revoked Proxy throws on every operation; it is still "an object" to the message.
  }
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

/**
 * Whether a typed array's buffer was transferred (postMessage) or detached: it then reads as
 * empty and throws on use. Node 20 has no ArrayBuffer#detached: a detached buffer refuses a new
 * view.
 */
export function isDetached(view) {
  const {buffer} = view;
  if (typeof buffer.detached === 'boolean') return buffer.detached;
  if (view.byteLength !== 0) return false;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function pathKey(path, key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) :
                                          `${path}[${JSON.stringify(key)}]`;
}

class Writer {
  constructor(what, limits) {
    this.what = what;
    this.limits = limits;
    this.parts = [];
    this.bytes = 0;
    this.open = new Set();  // objects on the current path, to detect cycles
  }

  fail(path, message) {
    throw callError(this.what, path || this.rootName, message);
  }

  emit(text) {
    this.bytes += text.length;
    if (this.bytes > this.limits.maxBytes) {
      this.fail(
          '', `larger than ${this.limits.maxBytes} bytes as JSON (the limit for ${this.rootName})`);
    }
    this.parts.push(text);
  }

  string(text, path) {
    if (!text.isWellFormed()) this.fail(path, 'a string with an unpaired surrogate');
    this.emit(JSON.stringify(text));
  }

  value(value, path, depth) {
    switch (typeof value) {
      case 'number':
        if (!Number.isFinite(value)) this.fail(path, `${value} is not a finite number`);
        return this.emit(JSON.stringify(value));
      case 'string':
        return this.string(value, path);
      case 'boolean':
        return this.emit(value ? 'true' : 'false');
      case 'object':
        if (value === null) return this.emit('null');
        break;
      default:
        this.fail(path, `${describe(value)} is not JSON data`);
    }
    if (depth >= this.limits.maxDepth) {
      this.fail(path, `nested deeper than ${this.limits.maxDepth} levels`);
    }
    if (this.open.has(value)) this.fail(path, 'refers to itself (a cycle)');
    this.open.add(value);
    try {
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        // Empty to read, so it would pass as [] where the caller meant data.
        if (isDetached(value)) this.fail(path, 'its buffer was detached (transferred)');
        this.array(Array.prototype.slice.call(value), path, depth);
      } else if (Array.isArray(value)) {
        this.array(value, path, depth);
      } else if (isPlainObject(value)) {
        this.object(value, path, depth);
      } else {
        this.fail(path, `${describe(value)} is not JSON data (expected a plain object)`);
      }
    } finally {
      this.open.delete(value);
    }
  }

  array(items, path, depth) {
    this.emit('[');
    for (let i = 0; i < items.length; ++i) {
      if (i > 0) this.emit(',');
      const at = `${path}[${i}]`;
      if (items[i] === undefined) this.fail(at, 'undefined (a hole or a missing value)');
      this.value(items[i], at, depth + 1);
    }
    this.emit(']');
  }

  object(object, path, depth) {
    if (Object.getOwnPropertySymbols(object).length) this.fail(path, 'has a symbol key');
    this.emit('{');
    let first = true;
    // Own enumerable string keys, __proto__ included when it is an own key (JSON.parse makes
    // those); writing the text directly never touches a prototype.
    for (const key of Object.keys(object)) {
      const at = pathKey(path, key);
      const item = object[key];
      if (item === undefined) continue;  // as JSON.stringify: an absent key
      if (!first) this.emit(',');
      first = false;
      this.string(key, at);
      this.emit(':');
      this.value(item, at, depth + 1);
    }
    this.emit('}');
  }
}

/**
 * @param {*} value the caller's data
 * @param {string} what the call, for messages ("createArena")
 * @param {'settings'|'model'|'options'} kind which limits apply
 * @returns {string} compact JSON text
 */
export function toJsonText(value, what, kind) {
  const writer = new Writer(what, JSON_LIMITS[kind]);
  writer.rootName = kind;
  try {
    writer.value(value, '', 0);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`${what}:`)) throw error;
    // A getter or Proxy trap that throws, or a stack overflow: still named.
    throw callError(what, kind, `could not be read (${error && error.message})`);
  }
  return writer.parts.join('');
}
