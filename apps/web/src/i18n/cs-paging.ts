/** České texty stránkovaných seznamů („zobrazit další“). */
import type { Messages } from './messages';

export const csPaging = {
  showMore: 'Zobrazit další',
  loadingMore: 'Načítám další…',
  moreFailed: 'Další položky se nepodařilo načíst. Zkuste to znovu.',
} satisfies Messages;
