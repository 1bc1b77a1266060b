/** Literature the catalog and the cards rest on: the seed paper and the references it builds on. */

/** A literature reference as cards cite it. */
export interface Reference {
  readonly label: string;
  readonly reference: string;
}

/** The seed paper. */
export const seedPaper: Reference = {
  label: 'Janoušková et al. 2022',
  reference:
    'Janoušková M. et al. Roles of peer support workers and inter-role conflicts. Psychiatric Services 73(12):1424-1427, 2022. doi:10.1176/appi.ps.202100612',
};

/** Works the seed paper draws on, cited as "cited in" the seed paper. */
export const citedWorks = {
  stefancic2021: { label: 'Stefancic et al. 2021', topic: 'supervision of peer support workers' },
  debyser2019: { label: 'Debyser et al. 2019', topic: 'training teams to work with peer workers' },
  gillard2014: { label: 'Gillard et al. 2014', topic: 'protecting the distinct peer role' },
  verhaeghe2012: { label: 'Verhaeghe and Bracke 2012', topic: 'stigma among mental health staff' },
  park2016: { label: 'Park et al. 2016', topic: 'burnout among peer workers' },
} as const;

/** A card source: the seed paper, plus the cited work the advice rests on. */
export function sourceFor(cited?: keyof typeof citedWorks): Reference {
  if (cited === undefined) return seedPaper;
  const work = citedWorks[cited];
  return {
    label: `${seedPaper.label}; ${work.label}`,
    reference: `${seedPaper.reference}. On ${work.topic}: ${work.label}, as cited there.`,
  };
}
