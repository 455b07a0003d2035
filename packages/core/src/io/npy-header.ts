import { CnnkitError } from '../errors';

/** The three keys of a .npy header, as NumPy writes them. */
export interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: number[];
}

type PyValue = string | boolean | null | number | PyValue[];

/**
 * Parses the header's Python dict literal, e.g. {'descr': '<f4', 'fortran_order': False,
 * 'shape': (2, 3), } — the small grammar NumPy's own reader accepts through ast.literal_eval
 * for this purpose: strings, True / False / None, integers (Python 2's 3L too), tuples and lists.
 */
export function parseNpyHeader(text: string, source: string): NpyHeader {
  const fail = (what: string): CnnkitError =>
    new CnnkitError('IO', `${source}: malformed .npy header ${JSON.stringify(text.trim())}: ${what}; expected a dict like {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`, { file: source });
  let pos = 0;
  const skip = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const expect = (c: string): void => {
    skip();
    if (text[pos] !== c) throw fail(`found ${text[pos] === undefined ? 'the end' : `'${text[pos]}'`} at offset ${pos} where '${c}' belongs`);
    pos++;
  };
  const value = (): PyValue => {
    skip();
    const c = text[pos];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, pos + 1);
      if (end < 0) throw fail(`unterminated string at offset ${pos}`);
      const s = text.slice(pos + 1, end);
      pos = end + 1;
      return s;
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      pos++;
      const items: PyValue[] = [];
      for (;;) {
        skip();
        if (text[pos] === close) break;
        items.push(value());
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] !== close) throw fail(`found ${text[pos] === undefined ? 'the end' : `'${text[pos]}'`} at offset ${pos} inside a ${c === '(' ? 'tuple' : 'list'}`);
      }
      pos++;
      return items;
    }
    const word = /^(True|False|None|-?\d+L?)/.exec(text.slice(pos))?.[0];
    if (!word) throw fail(`unexpected ${c === undefined ? 'end' : `'${c}'`} at offset ${pos}`);
    pos += word.length;
    if (word === 'True' || word === 'False') return word === 'True';
    if (word === 'None') return null;
    return Number(word.replace('L', ''));
  };

  expect('{');
  const dict = new Map<string, PyValue>();
  for (;;) {
    skip();
    if (text[pos] === '}') break;
    const key = value();
    if (typeof key !== 'string') throw fail('a key is not a string');
    expect(':');
    if (dict.has(key)) throw fail(`the key '${key}' appears twice`);
    dict.set(key, value());
    skip();
    if (text[pos] === ',') pos++;
    else if (text[pos] !== '}') throw fail(`found ${text[pos] === undefined ? 'the end' : `'${text[pos]}'`} at offset ${pos} after the value of '${key}'`);
  }
  pos++;
  skip();
  if (pos !== text.length) throw fail(`unexpected text after the dict at offset ${pos}`);

  const keys = [...dict.keys()].sort();
  if (keys.join() !== 'descr,fortran_order,shape') throw fail(`its keys are ${keys.map((k) => `'${k}'`).join(', ') || '(none)'}`);
  const descr = dict.get('descr');
  const fortranOrder = dict.get('fortran_order');
  const shape = dict.get('shape');
  if (Array.isArray(descr)) {
    throw new CnnkitError('IO', `${source}: holds a structured (record) array, descr ${JSON.stringify(descr)}; expected a plain numeric array`, { file: source });
  }
  if (typeof descr !== 'string') throw fail(`'descr' is ${JSON.stringify(descr)}, not a string`);
  if (typeof fortranOrder !== 'boolean') throw fail(`'fortran_order' is ${JSON.stringify(fortranOrder)}, not True or False`);
  if (!Array.isArray(shape) || !shape.every((d): d is number => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw fail(`'shape' is ${JSON.stringify(shape)}, not a tuple of non-negative integers`);
  }
  return { descr, fortranOrder, shape };
}

/** The header dict as NumPy formats it (the reader above and numpy's both accept it). */
export function formatNpyHeader(header: NpyHeader): string {
  const shape = header.shape.length === 1 ? `(${header.shape[0]},)` : `(${header.shape.join(', ')})`;
  return `{'descr': '${header.descr}', 'fortran_order': ${header.fortranOrder ? 'True' : 'False'}, 'shape': ${shape}, }`;
}
