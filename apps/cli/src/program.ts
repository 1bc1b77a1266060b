/**
 * The `peerbridge` command line: options and help for every command. Each command's module is
 * imported lazily inside its action, so `peerbridge --help` does not load the database drivers.
 */
import { Command, CommanderError, Option } from 'commander';
import { type CliContext, type ContextOptions, createContext, type ProgressMode } from './context';
import { CliError } from './errors/cli-error';
import { reportError } from './errors/error-boundary';
import { ExitCode, exitCodesHelp } from './errors/exit-codes';
import { printResult } from './output/print-result';
import { remoteTargetOf } from './remote/remote-target';
import type { RemoteTarget } from './remote/server-client';

interface GlobalOptions {
  db?: string;
  server?: string;
  token?: string;
  json?: boolean;
  color?: boolean;
  progress?: ProgressMode | 'auto';
}

/** Build the command tree; `run` receives each command's action so tests can drive it. */
export function buildProgram(base: ContextOptions, done: (code: number) => void): Command {
  const program = new Command('peerbridge');
  const contextOf = (command: Command): CliContext => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    const env = base.env ?? createContext(base).env;
    return createContext({
      ...base,
      env: globals.color === false ? { ...env, noColor: true, forceColor: false } : env,
      json: globals.json === true,
      progress: globals.json === true ? 'none' : (globals.progress ?? base.progress ?? 'auto'),
    });
  };
  /** Wrap an action: build the context, run, print, and route failures through the error boundary. */
  const action =
    <A extends unknown[]>(
      run: (ctx: CliContext, db: string | undefined, ...args: A) => Promise<number | undefined>,
    ) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const ctx = contextOf(command);
      try {
        done((await run(ctx, command.optsWithGlobals<GlobalOptions>().db, ...(args.slice(0, -1) as A))) ?? 0);
      } catch (error) {
        done(reportError(error, ctx));
      }
    };

  /** An action of a research command: it runs on the database or on the server (remote/remote-target.ts). */
  const researchAction =
    <A extends unknown[]>(
      run: (
        ctx: CliContext,
        db: string | undefined,
        remote: RemoteTarget | null,
        ...args: A
      ) => Promise<number | undefined>,
    ) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const ctx = contextOf(command);
      try {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const remote = remoteTargetOf(globals, ctx);
        done((await run(ctx, globals.db, remote, ...(args.slice(0, -1) as A))) ?? 0);
      } catch (error) {
        done(reportError(error, ctx));
      }
    };

  program
    .description(
      'PeerBridge command line: set up the database, import coded interviews, analyse and export studies.',
    )
    .option(
      '--db <url>',
      'database: SQLite file path or postgres:// URL (default: DATABASE_URL, else data/peerbridge.db)',
    )
    .option(
      '--server <url>',
      'run research commands on this PeerBridge server (default: PEERBRIDGE_SERVER, else the one `login` saved)',
    )
    .option(
      '--token <token>',
      'API token for --server (default: PEERBRIDGE_TOKEN, else the one `login` saved)',
    )
    .option('--json', 'print one JSON document on stdout (for scripts)')
    .option('--no-color', 'no colours even on a terminal')
    .addOption(
      new Option('--progress <mode>', 'progress on stderr')
        .choices(['auto', 'bar', 'lines', 'none'])
        .default('auto'),
    )
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', exitCodesHelp)
    .configureOutput({
      writeOut: (text) => (base.stdout ?? process.stdout).write(text),
      writeErr: (text) => (base.stderr ?? process.stderr).write(text),
    })
    .exitOverride();

  program
    .command('init')
    .description('create and migrate the database, then create the first organisation and its admin')
    .requiredOption('--org <name>', 'name of the first organisation')
    .requiredOption('--email <email>', "the first admin's e-mail (their sign-in name)")
    .requiredOption('--name <name>', "the first admin's display name")
    .option('--password-stdin', 'read the password from stdin (otherwise one is generated and printed once)')
    .action(
      action(
        async (ctx, db, options: { org: string; email: string; name: string; passwordStdin?: boolean }) => {
          const { initDatabase, renderInit } = await import('./commands/init');
          printResult(
            ctx,
            await initDatabase({ db, ...options, passwordStdin: options.passwordStdin === true }, ctx),
            renderInit,
          );
          return ExitCode.ok;
        },
      ),
    );

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(
      action(async (ctx, db) => {
        const { migrateDatabase, renderMigrate } = await import('./commands/migrate');
        printResult(ctx, await migrateDatabase({ db }, ctx), renderMigrate);
        return ExitCode.ok;
      }),
    );

  const users = program.command('users').description('manage user accounts');
  users
    .command('add')
    .description('add a user to an organisation with a role')
    .requiredOption('--email <email>', 'e-mail (sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .addOption(
      new Option('--role <role>', 'role in the organisation')
        .choices(['admin', 'supervisor', 'researcher'])
        .makeOptionMandatory(),
    )
    .requiredOption('--org <name>', 'organisation name (or id)')
    .option('--password-stdin', 'read the password from stdin (otherwise one is generated and printed once)')
    .action(
      action(
        async (
          ctx,
          db,
          options: {
            email: string;
            name: string;
            role: 'admin' | 'supervisor' | 'researcher';
            org: string;
            passwordStdin?: boolean;
          },
        ) => {
          const { addUser, renderAddUser } = await import('./commands/users-add');
          printResult(
            ctx,
            await addUser({ db, ...options, passwordStdin: options.passwordStdin === true }, ctx),
            renderAddUser,
          );
          return ExitCode.ok;
        },
      ),
    );

  program
    .command('import')
    .description(
      'import a REFI-QDA project (.qdpx/.qde), a CSV table or a PeerBridge JSON export into a study',
    )
    .argument(
      '<file>',
      '.qdpx, .qde, .csv or .json file, or a .txt or .docx transcript (one plain-text source)',
    )
    .requiredOption('--study <name>', 'study to import into (created when missing)')
    .option('--mapping <file>', 'YAML or JSON file mapping codes to indicators and documents to participants')
    .option('--dry-run', 'write nothing; report what would be written')
    .addOption(
      new Option('--kind <kind>', 'what a CSV holds (default: detected from its header)').choices([
        'participants',
        'segments',
        'observations',
      ]),
    )
    .option('--org <name>', 'organisation owning the study (default: the only one)')
    .option('--owner <email>', "the study's owner (default: the organisation's first researcher or admin)")
    .option(
      '--pseudonymize',
      'pseudonymise before writing: names become keyed pseudonyms, only allowVariables stay, names in the texts are redacted (needs --key-file)',
    )
    .option('--key-file <file>', 'file holding the pseudonymisation key (never stored)')
    .option('--timings', 'report where the time went: unzip, XML, offsets, schema, plan, rows, commit (ms)')
    .option(
      '--list-unmapped',
      'list every code kept unmapped, with its segment count (by default only how many; --json always lists them)',
    )
    .addOption(
      new Option(
        '--coder-from <which>',
        "REFI-QDA: credit a coded selection to the coding's user, else the selection's (coding, the default), or the other way round",
      )
        .choices(['coding', 'selection'])
        .default('coding'),
    )
    .action(
      researchAction(
        async (
          ctx,
          db,
          remote,
          file: string,
          options: {
            study: string;
            mapping?: string;
            dryRun?: boolean;
            timings?: boolean;
            kind?: 'participants' | 'segments' | 'observations';
            org?: string;
            owner?: string;
            pseudonymize?: boolean;
            keyFile?: string;
            coderFrom?: 'coding' | 'selection';
            listUnmapped?: boolean;
          },
        ) => {
          const { importFile, renderImport } = await import('./commands/import');
          const { listUnmapped, ...importOptions } = options;
          printResult(
            ctx,
            await importFile({ db, file, ...importOptions, dryRun: options.dryRun === true }, ctx, remote),
            (result, c) => renderImport(result, c, { listUnmapped }),
          );
          return ExitCode.ok;
        },
      ),
    );

  const codebook = program.command('codebook').description('the PeerBridge codebook (indicators as codes)');
  codebook
    .command('export')
    .description('export the codebook for ATLAS.ti, NVivo, MAXQDA or QualCoder (.qdc), or as JSON / CSV')
    .addOption(
      new Option('--format <format>', 'output format').choices(['qdc', 'json', 'csv']).default('qdc'),
    )
    .addOption(
      new Option('--lang <lang>', 'language of code names and descriptions')
        .choices(['en', 'cs'])
        .default('en'),
    )
    .option('--out <file>', 'write to a file instead of stdout')
    .action(
      researchAction(
        async (
          ctx,
          _db,
          remote,
          options: { format: 'qdc' | 'json' | 'csv'; lang: 'en' | 'cs'; out?: string },
        ) => {
          const { exportCodebook, renderCodebookExport } = await import('./commands/codebook-export');
          const result = await exportCodebook(options, ctx, remote);
          if (options.out !== undefined || ctx.json) printResult(ctx, result, renderCodebookExport);
          return ExitCode.ok;
        },
      ),
    );

  program
    .command('analyze')
    .description(
      'role profiles, conflicts, prevalence by setting, code co-occurrence and inter-coder agreement of a study',
    )
    .requiredOption('--study <name>', 'study name')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option('--org <name>', 'organisation owning the study (default: the only one)')
    .option('--as-of <date>', 'assessment date YYYY-MM-DD (default: the latest observation)')
    .addOption(
      new Option('--unit <unit>', 'unit of inter-coder agreement (character: Krippendorff’s cu-alpha)')
        .choices(['paragraph', 'sentence', 'document', 'character'])
        .default('paragraph'),
    )
    .addOption(
      new Option(
        '--co-occurrence <mode>',
        'pair codes within one coder’s segments, or also one coder’s with another’s (that is disagreement)',
      )
        .choices(['within-coder', 'across-coders'])
        .default('within-coder'),
    )
    .option(
      '--set <name>',
      'restrict the analysis to a set of the imported project (its documents and codes)',
    )
    .action(
      researchAction(
        async (
          ctx,
          db,
          remote,
          options: {
            study: string;
            format: 'table' | 'json' | 'csv';
            org?: string;
            asOf?: string;
            unit: 'paragraph' | 'sentence' | 'document' | 'character';
            coOccurrence: 'within-coder' | 'across-coders';
            set?: string;
          },
        ) => {
          const { analyzeStudy, writeAnalysis } = await import('./commands/analyze');
          const format = ctx.json ? 'json' : options.format;
          writeAnalysis(ctx, await analyzeStudy({ db, ...options }, ctx, remote), format);
          return ExitCode.ok;
        },
      ),
    );

  program
    .command('export')
    .description('export a study as JSON, CSV (one row per coded segment) or REFI-QDA .qdpx')
    .requiredOption('--study <name>', 'study name')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'csv', 'qdpx']).default('json'),
    )
    .option('--out <file>', 'output file (required for qdpx; otherwise stdout)')
    .option(
      '--pseudonymize',
      'keyed pseudonyms for participant, case, document and coder names; only allowVariables stay; names in the texts are redacted (needs --key-file)',
    )
    .option('--key-file <file>', 'file holding the pseudonymisation key (never stored)')
    .option(
      '--mapping <file>',
      'mapping file whose allowVariables lists the variables to keep (default: setting, age_band, gender, tenure_band)',
    )
    .option('--org <name>', 'organisation owning the study (default: the only one)')
    .addOption(
      new Option('--table <table>', 'with --format csv: one row per segment, participant or code')
        .choices(['segments', 'participants', 'codes'])
        .default('segments'),
    )
    .option(
      '--no-formula-guard',
      'with --format csv: keep cells such as +Government as they are (for R, SPSS, Python; not for spreadsheets)',
    )
    .option('--bom', 'with --format csv: start with a UTF-8 byte order mark, so Excel reads accented letters')
    .action(
      researchAction(
        async (
          ctx,
          db,
          remote,
          options: {
            study: string;
            format: 'json' | 'csv' | 'qdpx';
            table: 'segments' | 'participants' | 'codes';
            formulaGuard: boolean;
            bom?: boolean;
            out?: string;
            pseudonymize?: boolean;
            keyFile?: string;
            mapping?: string;
            org?: string;
          },
        ) => {
          const { exportStudy, renderExport } = await import('./commands/export');
          const result = await exportStudy(
            { db, ...options, pseudonymize: options.pseudonymize === true },
            ctx,
            remote,
          );
          if (options.out !== undefined || ctx.json) printResult(ctx, result, renderExport);
          return ExitCode.ok;
        },
      ),
    );

  const studies = program.command('studies').description("the researcher's studies");
  studies
    .command('list')
    .description('list the studies with their participants, documents and coded segments')
    .option('--org <name>', 'organisation (default: the only one); on a database only')
    .option(
      '--owner <email>',
      "whose studies (default: the organisation's first researcher); on a database only",
    )
    .action(
      researchAction(async (ctx, db, remote, options: { org?: string; owner?: string }) => {
        const { listOwnStudies, renderStudiesList } = await import('./commands/studies-list');
        if (remote !== null && (options.org !== undefined || options.owner !== undefined))
          throw new CliError(
            'usage',
            '--owner and --org apply to a database; on a server the token says who you are',
          );
        printResult(ctx, await listOwnStudies({ db, ...options }, ctx, remote), renderStudiesList);
        return ExitCode.ok;
      }),
    );

  program
    .command('login')
    .description('save a server and an API token (from the portal) for the research commands')
    .addHelpText(
      'after',
      '\nGive the server with the global --server <url>, the token with --token <token> or on stdin.',
    )
    .action(
      action(async (ctx) => {
        const { login, renderLogin } = await import('./commands/login');
        const globals = program.opts<GlobalOptions>();
        if (globals.server === undefined)
          throw new CliError('usage', 'login needs --server <url>', { expected: 'https://host[:port]' });
        printResult(ctx, await login({ server: globals.server, token: globals.token }, ctx), renderLogin);
        return ExitCode.ok;
      }),
    );
  program
    .command('logout')
    .description('forget the saved server and token')
    .action(
      action(async (ctx) => {
        const { logout, renderLogout } = await import('./commands/login');
        printResult(ctx, logout(ctx), renderLogout);
        return ExitCode.ok;
      }),
    );

  const token = program.command('token').description("API tokens for researchers (on the server's database)");
  token
    .command('create')
    .description(
      "create a research-only API token for a researcher; it is printed once (run by the server's admin)",
    )
    .requiredOption('--email <email>', "the researcher's e-mail")
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--org <name>', 'organisation (default: the only one)')
    .action(
      action(async (ctx, db, options: { email: string; name: string; org?: string }) => {
        const { createToken, renderTokenCreate } = await import('./commands/token-create');
        printResult(ctx, await createToken({ db, ...options }, ctx), renderTokenCreate);
        return ExitCode.ok;
      }),
    );

  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description(
      'walk every audit hash chain and check its guarding triggers; exit 6 naming the first broken event',
    )
    .option(
      '--checkpoint <file>',
      'a checkpoint file from a backup, or the api log, that the chains must still reach',
    )
    .action(
      action(async (ctx, db, options: { checkpoint?: string }) => {
        const { verifyAudit, renderAuditVerify } = await import('./commands/audit-verify');
        const result = await verifyAudit({ db, checkpoint: options.checkpoint }, ctx);
        if (ctx.json) ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else printResult(ctx, result, renderAuditVerify);
        return result.ok ? ExitCode.ok : ExitCode.tampered;
      }),
    );

  program
    .command('backup')
    .description('online backup of the SQLite database to a file, checked by opening it')
    .requiredOption('--out <file>', 'backup file to write')
    .action(
      action(async (ctx, db, options: { out: string }) => {
        const { backupDatabase, renderBackup } = await import('./commands/backup');
        printResult(ctx, await backupDatabase({ db, out: options.out }, ctx), renderBackup);
        return ExitCode.ok;
      }),
    );

  return program;
}

/** Run the CLI with `argv` (without node and script); resolves to the exit code. Never throws. */
export async function main(argv: ReadonlyArray<string>, base: ContextOptions = {}): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(base, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors; commander already printed the text.
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.help' ||
        error.code === 'commander.version'
      ) {
        return ExitCode.ok;
      }
      // Commander printed its own message (with the usage hint); just exit with the usage code.
      return ExitCode.usage;
    }
    return reportError(error, createContext(base));
  }
  return exitCode;
}
