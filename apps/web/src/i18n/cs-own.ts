/** Czech texts of the peer worker's own pages (ADR 0031): their record, the invitation code, the admin's invite. */
import type { Messages } from './messages';

export const csOwn = {
  title: 'Můj záznam',
  intro:
    'Co je o vás zaznamenáno v organizaci {{organization}}. Soukromé poznámky vašeho supervizora se zde nezobrazují.',
  sessions: 'Moje supervize',
  noSessions: 'Zatím není zaznamenána žádná supervize.',
  minutes: '{{count}} min',
  summary: 'Shrnutí, které s vámi supervizor sdílí',
  noSummary: 'K této supervizi s vámi supervizor nesdílel žádné shrnutí.',
  voided: 'Zrušeno',
  actions: 'Domluvené kroky',
  noActions: 'Zatím nejsou domluvené žádné kroky.',
  due: 'Termín {{date}}',
  done: 'Hotovo {{date}}',
  open: 'Otevřené',
  forYou: 'Pro vás',
  markDone: 'Označit jako hotové',
  markDoneFor: 'Označit „{{title}}“ jako hotové',
  reopen: 'Znovu otevřít',
  reopenFor: 'Znovu otevřít „{{title}}“',
  picture: 'Jak teď vypadají vaše role a jejich napětí',
  pictureHint: 'Napsáno pro vás ze stejných údajů, jaké čte váš supervizor, ke dni {{date}}.',
  howDecided: 'Jak k tomu výpočet dospěl',
  supervisorLevel: 'Na stránce vašeho supervizora je uvedeno:',
  download: 'Stáhnout můj záznam (JSON)',
  downloaded: 'Váš záznam je uložen jako {{file}}.',
  comment: 'Váš komentář k tomuto shrnutí',
  commentHint: 'Váš supervizor si ho přečte u této supervize.',
  sendComment: 'Odeslat komentář',
  yourComment: 'Váš komentář z {{date}}',
  sharedWithPeer: 'Sdíleno s peer pracovníkem',
  peerCommented: 'Komentář peer pracovníka, {{date}}',
} satisfies Messages;

export const csWelcome = {
  title: 'Nastavte si heslo',
  subtitle: 'Zadejte kód, který jste dostali, a zvolte si heslo ke svému vlastnímu účtu v PeerBridge.',
  code: 'Kód pozvánky',
  codeRequired: 'Zadejte kód, který jste dostali.',
  password: 'Nové heslo',
  passwordHint: 'Alespoň 15 znaků; nejlépe se pamatuje věta z několika slov.',
  submit: 'Nastavit heslo',
  done: 'Heslo je nastaveno. Přihlaste se adresou {{email}}.',
  signIn: 'Přejít na přihlášení',
} satisfies Messages;

export const csInvitePeer = {
  title: 'Pozvat peer pracovníka k vlastnímu účtu',
  worker: 'Peer pracovník',
  name: 'Jméno',
  email: 'E-mail',
  submit: 'Vytvořit pozvánku',
  codeTitle: 'Předejte tento kód osobě {{name}} osobně nebo po telefonu',
  codeHint: 'Platí jednou, do {{date}}. Zobrazuje se jen teď; nová pozvánka vytvoří nový kód.',
  link: 'Nebo pošlete tento odkaz',
} satisfies Messages;

/** Ohlédnutí před supervizí (ADR 0039): jedna otázka po druhé, každou lze přeskočit, sdílet nebo si nechat. */
export const csCheckIn = {
  title: 'Ohlédnutí před supervizí',
  start: 'Ohlédnout se před supervizí',
  startHint: 'Pár krátkých otázek, asi 3 minuty. Kteroukoli můžete přeskočit.',
  intro:
    'Jedna otázka po druhé. Kteroukoli můžete přeskočit: přeskočená otázka prostě zůstane nezodpovězená. U každé odpovědi rozhodujete, zda ji uvidí váš supervizor.',
  progress: 'Otázka {{n}} z {{total}}',
  privateTopic: 'Soukromé téma',
  privateHint: 'Jen vy rozhodujete, zda tuto odpověď uvidí ještě někdo jiný.',
  countHint: 'Počet od vašeho minulého ohlédnutí',
  yes: 'Ano',
  no: 'Ne',
  answer: 'Vaše odpověď',
  who: 'Kdo tuto odpověď uvidí',
  share: 'Sdílet se supervizorem',
  keep: 'Nechat si pro sebe',
  skip: 'Přeskočit',
  back: 'Zpět',
  next: 'Další',
  finish: 'Ukončit teď',
  reviewTitle: 'Připraveno k odeslání',
  review:
    'Odpověděli jste na {{answered}} z {{total}} otázek: {{shared}} uvidí váš supervizor, {{kept}} zůstane jen vám.',
  nothing:
    'Zatím jste neodpověděli na žádnou otázku. Vraťte se a odpovězte alespoň na jednu, nebo se vraťte později.',
  send: 'Odeslat ohlédnutí',
  doneTitle: 'Děkujeme',
  done: 'Vaše ohlédnutí je uložené. Váš supervizor uvidí jen odpovědi, které jste se rozhodli sdílet.',
  supportTitle: 'Dbejte na sebe',
  support:
    'Zdá se, že toho máte teď na bedrech hodně. Nemusíte to nést sami. Pokud by vám pomohlo si s někým promluvit, jsou tu pro vás:',
  supportNoContacts:
    'Pokud by vám pomohlo si s někým promluvit, obraťte se na někoho, komu důvěřujete, nebo na svého lékaře.',
  call: 'Zavolat {{phone}}',
  backToRecord: 'Zpět na můj záznam',
  burnout: {
    kept: 'Jen pro vás',
    keptHint:
      'Tyto otázky jsou jen pro vás. Vaše odpovědi nikdy neuvidí váš supervizor a nikdy se nezapočítají do žádného přehledu, hodnocení ani exportu.',
    personalTitle: 'Jak se v poslední době máte',
    workTitle: 'Jak na vás působí vaše práce',
    leaveOut: 'Na kteroukoli otázku nemusíte odpovídat.',
    clear: 'Smazat tuto odpověď',
    responses: {
      never: 'Nikdy',
      seldom: 'Zřídka',
      sometimes: 'Někdy',
      often: 'Často',
      always: 'Vždy',
    },
  },
  reviewBurnout_one: 'Odpověděli jste na {{count}} otázku jen pro sebe: zůstane jen vám.',
  reviewBurnout_few: 'Odpověděli jste na {{count}} otázky jen pro sebe: zůstanou jen vám.',
  reviewBurnout_many: 'Odpověděli jste na {{count}} otázky jen pro sebe: zůstanou jen vám.',
  reviewBurnout_other: 'Odpověděli jste na {{count}} otázek jen pro sebe: zůstanou jen vám.',
  errors: {
    choose: 'Zvolte, zda tuto odpověď sdílet, nebo si ji nechat pro sebe.',
    count: 'Zadejte celé číslo od 0 do 744.',
  },
} satisfies Messages;

/** Vlastní ohlédnutí PSW v jejich záznamu (ADR 0040): seznam, u každé odpovědi sdíleno, nebo ponecháno, a vývoj. */
export const csOwnCheckIns = {
  title: 'Moje ohlédnutí',
  hint: 'Všechny vaše odpovědi, od nejnovějších. Odpovědi, které jste si nechali pro sebe, nevidí nikdo kromě vás, a to jen zde.',
  none: 'Zatím jste žádné ohlédnutí nevyplnili.',
  on: 'Ohlédnutí ze dne {{date}}',
  noAnswers: 'Tentokrát jste neodpověděli na žádnou otázku.',
  shared: 'Sdíleno se supervizorem',
  kept: 'Ponecháno jen pro vás',
  trendTitle: 'Jak se moje odpovědi vyvíjely',
  trendHint_one: 'Vaše poslední ohlédnutí. Vidíte to jen vy.',
  trendHint_few: 'Vaše poslední {{count}} ohlédnutí, od nejstaršího. Vidíte to jen vy.',
  trendHint_many: 'Vašich posledních {{count}} ohlédnutí, od nejstaršího. Vidíte to jen vy.',
  trendHint_other: 'Vašich posledních {{count}} ohlédnutí, od nejstaršího. Vidíte to jen vy.',
  trendEmpty: 'Jakmile vyplníte ohlédnutí, uvidíte zde, jak se vaše odpovědi v čase mění.',
  question: 'Otázka',
  notAnswered: 'bez odpovědi',
  moved: '{{first}} → {{last}}',
  burnoutTitle: 'Otázky jen pro vás',
  burnoutHint_one: 'Z vašeho posledního ohlédnutí s těmito otázkami. Tyto odpovědi nikdo jiný nevidí.',
  burnoutHint_few:
    'Z vašich posledních {{count}} ohlédnutí s těmito otázkami, od nejstaršího. Tyto odpovědi nikdo jiný nevidí.',
  burnoutHint_many:
    'Z vašich posledních {{count}} ohlédnutí s těmito otázkami, od nejstaršího. Tyto odpovědi nikdo jiný nevidí.',
  burnoutHint_other:
    'Z vašich posledních {{count}} ohlédnutí s těmito otázkami, od nejstaršího. Tyto odpovědi nikdo jiný nevidí.',
  burnoutPersonal:
    'Vaše odpovědi na otázky o tom, jak se v poslední době máte, 0 = nikdy, 100 = vždy: {{values}}',
  burnoutWork: 'Vaše odpovědi na otázky o práci, 0 = nikdy, 100 = vždy: {{values}}',
  burnoutTooFew: 'Na několik otázek jen pro vás jste odpověděli, ale na shrnutí je to málo.',
} satisfies Messages;

/** Stránka k tisku vlastního záznamu (ADR 0040). */
export const csOwnPrint = {
  open: 'Stránka k tisku',
  title: 'Můj záznam: {{name}}',
  printed: 'Vytištěno {{date}} · {{unit}}',
  print: 'Vytisknout',
  back: 'Zpět na můj záznam',
  notesNever:
    'Najdete zde jen shrnutí, která s vámi supervizor sdílel; jeho soukromé poznámky do stránek vašeho záznamu nepatří.',
} satisfies Messages;
