import { DATA_TYPE } from '../../proto/enums';
import { floatHost, hostFromTensorProto, intHost } from '../host-tensor';
import type { NodeContext } from '../node-context';

/** Constant: value (a tensor), value_float(s) or value_int(s) become a known value (an initializer if read at run time). */
export function convertConstant(n: NodeContext): void {
  n.attrs.expectOnly(['value', 'value_float', 'value_floats', 'value_int', 'value_ints', 'sparse_value', 'value_string', 'value_strings']);
  for (const refused of ['sparse_value', 'value_string', 'value_strings']) {
    if (n.attrs.has(refused)) throw n.unsupported(`attribute '${refused}' holds ${refused === 'sparse_value' ? 'a sparse tensor' : 'strings'}; cnnkit imports dense numeric constants`);
  }
  const given = ['value', 'value_float', 'value_floats', 'value_int', 'value_ints'].filter((a) => n.attrs.has(a));
  if (given.length !== 1) throw n.error('INVALID_ATTRIBUTE', `has ${given.length ? given.join(', ') : 'no value attribute'}; expected exactly one of value, value_float(s), value_int(s)`);
  const t = n.attrs.tensor('value');
  if (t) {
    n.defineConstant(0, hostFromTensorProto(t, `${n.where}: attribute 'value'`, (m) => n.note(m)));
    return;
  }
  const f = n.attrs.float('value_float');
  if (f !== undefined) return n.defineConstant(0, floatHost([], new Float32Array([f])));
  const fs = n.attrs.floats('value_floats');
  if (fs) return n.defineConstant(0, floatHost([fs.length], Float32Array.from(fs)));
  const i = n.attrs.int('value_int');
  if (i !== undefined) return n.defineConstant(0, intHost([], [i], DATA_TYPE.INT64));
  const is = n.attrs.ints('value_ints')!;
  n.defineConstant(0, intHost([is.length], is, DATA_TYPE.INT64));
}
