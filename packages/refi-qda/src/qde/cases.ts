/** `<Variables>` and `<Cases>`: variables, cases with their members, and typed variable values. */

import { RefiQdaError } from '../errors';
import type { Case, Variable, VariableType, VariableValue } from '../model';
import type { Frame, OpenElement, QdeContext } from './context';

const VARIABLE_TYPES: readonly VariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

export function variablesFrame(ctx: QdeContext, el: OpenElement): Frame {
  return ctx.frame(el, {
    child: (v) => (v.name === 'Variable' ? variableFrame(ctx, v) : ctx.unknown(v, 'Variables')),
  });
}

export function casesFrame(ctx: QdeContext, el: OpenElement): Frame {
  return ctx.frame(el, { child: (k) => (k.name === 'Case' ? caseFrame(ctx, k) : ctx.unknown(k, 'Cases')) });
}

function variableFrame(ctx: QdeContext, el: OpenElement): Frame {
  const guid = ctx.ownGuid(el);
  const name = ctx.required(el, 'name', 'the variable name');
  const rawType = el.attrs.typeOfVariable;
  let type: VariableType = 'Text';
  if (rawType !== undefined && (VARIABLE_TYPES as readonly string[]).includes(rawType)) {
    type = rawType as VariableType;
  } else {
    ctx.warn({
      code: 'attribute_defaulted',
      message: `<Variable> "${name}" has typeOfVariable=${rawType === undefined ? '(none)' : `"${rawType}"`}; treated as Text`,
      guid,
    });
  }
  const variable: Variable = { guid, name, type };
  ctx.project.variables.push(variable);
  return ctx.frame(el, {
    child: (c) =>
      c.name === 'Description'
        ? ctx.textFrame(c, (t) => {
            variable.description = t;
          })
        : ctx.unknown(c, 'Variable'),
  });
}

/** `<VariableValue>` of a case or a source. */
export function variableValueFrame(ctx: QdeContext, el: OpenElement, into: VariableValue[]): Frame {
  let variableGuid: string | undefined;
  let value: VariableValue | undefined;
  const valueFrame = (c: OpenElement, type: VariableType): Frame =>
    ctx.textFrame(c, (t) => {
      value = { variableGuid: '', type, value: typedValue(ctx, c, type, t) };
    });
  return ctx.frame(el, {
    child: (c) => {
      if (c.name === 'VariableRef') {
        variableGuid = ctx.ref(c);
        return ctx.skip(c);
      }
      const type = c.name.endsWith('Value') ? c.name.slice(0, -'Value'.length) : '';
      if ((VARIABLE_TYPES as readonly string[]).includes(type)) return valueFrame(c, type as VariableType);
      return ctx.unknown(c, 'VariableValue');
    },
    close: () => {
      if (variableGuid === undefined) {
        throw new RefiQdaError(
          'invalid_structure',
          'has no <VariableRef>; expected one naming the variable',
          ctx.location(el),
        );
      }
      // An empty VariableValue (no value element) is allowed by the schema; it means "no value".
      if (value) into.push({ ...value, variableGuid });
    },
  });
}

function typedValue(
  ctx: QdeContext,
  el: OpenElement,
  type: VariableType,
  text: string,
): string | number | boolean {
  const t = text.trim();
  if (type === 'Boolean') {
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
  } else if (type === 'Integer' || type === 'Float') {
    const n = Number(t);
    if (t !== '' && Number.isFinite(n)) return n;
  } else {
    return text;
  }
  throw new RefiQdaError('invalid_structure', `value "${t}" is not a valid ${type}`, ctx.location(el));
}

function caseFrame(ctx: QdeContext, el: OpenElement): Frame {
  const k: Case = {
    guid: ctx.ownGuid(el),
    name: el.attrs.name,
    codeRefs: [],
    variableValues: [],
    sourceRefs: [],
    selectionRefs: [],
  };
  ctx.project.cases.push(k);
  return ctx.frame(el, {
    child: (c) => {
      switch (c.name) {
        case 'Description':
          return ctx.textFrame(c, (t) => {
            k.description = t;
          });
        case 'CodeRef':
          return ctx.refInto(c, k.codeRefs);
        case 'SourceRef':
        case 'MemberSource':
          return ctx.refInto(c, k.sourceRefs);
        case 'SelectionRef':
          return ctx.refInto(c, k.selectionRefs);
        case 'VariableValue':
          return variableValueFrame(ctx, c, k.variableValues);
        default:
          return ctx.unknown(c, 'Case');
      }
    },
  });
}
