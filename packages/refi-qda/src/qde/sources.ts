/** `<Sources>`: text sources with their selections and codings; media sources listed with a count of what was skipped. */

import { RefiQdaError } from '../errors';
import type { Coding, MediaKind, MediaSource, TextLocation, TextSelection, TextSource } from '../model';
import { sourceLabel } from '../offsets';
import { variableValueFrame } from './cases';
import { type Frame, normalizeGuid, type OpenElement, type QdeContext, SELECTION_ELEMENTS } from './context';

const MEDIA_KINDS: Record<string, MediaKind> = {
  PDFSource: 'pdf',
  PictureSource: 'picture',
  AudioSource: 'audio',
  VideoSource: 'video',
};

export function textLocationOf(path: string | undefined): TextLocation {
  if (path === undefined) return 'none';
  const scheme = /^([a-z]+):\/\//i.exec(path)?.[1]?.toLowerCase();
  if (scheme === 'internal' || scheme === 'relative' || scheme === 'absolute') return scheme;
  // A bare name is how some tools point into sources/; treat it as internal.
  return 'internal';
}

export function sourcesFrame(ctx: QdeContext, el: OpenElement): Frame {
  return ctx.frame(el, { child: (s) => sourceFrame(ctx, s) });
}

function sourceFrame(ctx: QdeContext, el: OpenElement): Frame {
  if (el.name === 'TextSource') return textSourceFrame(ctx, el);
  const kind = MEDIA_KINDS[el.name];
  if (!kind) return ctx.unknown(el, 'Sources');
  const media: MediaSource = {
    kind,
    guid: ctx.ownGuid(el),
    name: el.attrs.name,
    path: el.attrs.path,
    ...ctx.audit(el),
    skippedSelections: 0,
  };
  ctx.project.sources.push(media);
  ctx.countNotKept(el.name);
  // Selections and texts nested in media sources are skipped wholesale and counted for the one summary warning;
  // ATLAS.ti repeats selection GUIDs between a PDFSelection and its text representation, so their GUIDs are
  // deliberately not registered.
  return ctx.frame(el, {
    child: (c) => {
      if (c.name === 'Description')
        return ctx.textFrame(c, (t) => {
          media.description = t;
        });
      const counted = () => {
        media.skippedSelections++;
        ctx.countNotKept(`${el.name} selection`);
      };
      if (SELECTION_ELEMENTS.has(c.name)) counted();
      return ctx.skip(c, counted);
    },
  });
}

function textSourceFrame(ctx: QdeContext, el: OpenElement): Frame {
  const a = el.attrs;
  const source: TextSource = {
    kind: 'text',
    guid: ctx.ownGuid(el),
    name: a.name,
    plainTextPath: a.plainTextPath,
    richTextPath: a.richTextPath,
    ...ctx.audit(el),
    textLocation: textLocationOf(a.plainTextPath),
    textAvailable: false,
    selections: [],
    codings: [],
    noteRefs: [],
    variableValues: [],
  };
  ctx.project.sources.push(source);
  return ctx.frame(el, {
    child: (c) => {
      switch (c.name) {
        case 'Description':
          return ctx.textFrame(c, (t) => {
            source.description = t;
          });
        case 'PlainTextContent':
          return ctx.textFrame(c, (t) => {
            ctx.inlineTexts.set(source.guid, t);
            if (source.plainTextPath === undefined) source.textLocation = 'inline';
          });
        case 'PlainTextSelection':
          return selectionFrame(ctx, c, source);
        case 'Coding':
          return codingFrame(ctx, c, source.codings);
        case 'NoteRef':
          return ctx.refInto(c, source.noteRefs);
        case 'VariableValue':
          return variableValueFrame(ctx, c, source.variableValues);
        default:
          return ctx.unknown(c, 'TextSource');
      }
    },
    close: () => {
      if (ctx.onTextSource === undefined) return;
      // Streaming: the source leaves the model once its consumer has it.
      if (ctx.project.sources[ctx.project.sources.length - 1] === source) ctx.project.sources.pop();
      ctx.streamedSources++;
      ctx.onTextSource(source);
    },
  });
}

function selectionFrame(ctx: QdeContext, el: OpenElement, source: TextSource): Frame {
  const guid = ctx.ownGuid(el);
  const start = ctx.integer(el, 'startPosition');
  const end = ctx.integer(el, 'endPosition');
  if (start < 0 || end < start) {
    throw new RefiQdaError(
      'selection_out_of_range',
      `selection ${guid} of ${sourceLabel({ sourceGuid: source.guid, sourceName: source.name })} has startPosition=${start} endPosition=${end}; expected 0 <= start <= end`,
      ctx.location(el),
    );
  }
  const selection: TextSelection = {
    guid,
    name: el.attrs.name,
    ...ctx.audit(el),
    start,
    end,
    text: null,
    written: { start, end },
    codings: [],
    noteRefs: [],
  };
  source.selections.push(selection);
  return ctx.frame(el, {
    child: (c) => {
      if (c.name === 'Description')
        return ctx.textFrame(c, (t) => {
          selection.description = t;
        });
      if (c.name === 'Coding') return codingFrame(ctx, c, selection.codings);
      if (c.name === 'NoteRef') return ctx.refInto(c, selection.noteRefs);
      return ctx.unknown(c, 'PlainTextSelection');
    },
  });
}

function codingFrame(ctx: QdeContext, el: OpenElement, into: Coding[]): Frame {
  const coding: Coding = {
    guid: ctx.ownGuid(el),
    codeGuid: '',
    creatingUser: el.attrs.creatingUser === undefined ? undefined : normalizeGuid(el.attrs.creatingUser),
    creationDateTime: el.attrs.creationDateTime,
    noteRefs: [],
  };
  return ctx.frame(el, {
    child: (c) => {
      if (c.name === 'CodeRef') {
        coding.codeGuid = ctx.ref(c);
        return ctx.skip(c);
      }
      if (c.name === 'NoteRef') return ctx.refInto(c, coding.noteRefs);
      return ctx.unknown(c, 'Coding');
    },
    close: () => {
      if (coding.codeGuid === '') {
        throw new RefiQdaError(
          'invalid_structure',
          'has no <CodeRef>; expected one naming the code applied',
          ctx.location(el),
        );
      }
      into.push(coding);
    },
  });
}
