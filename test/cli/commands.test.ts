/** The command table: each command loads alone, `--version` loads none, help loads all. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { COMMANDS, commandsToLoad } from '../../src/cli/commands.js';

const names = Object.keys(COMMANDS);

test('a named command loads only itself, wherever its options are', () => {
  for (const name of names) {
    assert.deepEqual(commandsToLoad([name, '-m*n', '--json']), [name]);
  }
});

test('--version loads no command; help, no command and unknown names load all', () => {
  assert.deepEqual(commandsToLoad(['--version']), []);
  assert.deepEqual(commandsToLoad(['-V']), []);
  assert.deepEqual(commandsToLoad([]), names);
  assert.deepEqual(commandsToLoad(['--help']), names);
  assert.deepEqual(commandsToLoad(['clasify', '-m*n']), names);
  assert.deepEqual(commandsToLoad(['toString']), names, 'an inherited property name is not a command');
});

test('each table entry registers the command of its own name', async () => {
  for (const name of names) {
    const program = new Command('rpe');
    (await COMMANDS[name]!())(program);
    assert.deepEqual(program.commands.map((c) => c.name()), [name]);
  }
});

test('a bare --version is answered before commander loads, with the package version', async () => {
  const { isBareVersionRequest, packageVersion } = await import('../../src/cli/version.js');
  assert.equal(isBareVersionRequest(['--version']), true);
  assert.equal(isBareVersionRequest(['-V']), true);
  assert.equal(isBareVersionRequest(['--version', 'classify']), false);
  assert.equal(isBareVersionRequest([]), false);
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(packageVersion(), pkg.version);
});

test('rpe help X loads X alone; the listing names heavy commands without loading them', async () => {
  const { LISTING_ONLY } = await import('../../src/cli/commands.js');
  assert.deepEqual(commandsToLoad(['help', 'validate']), ['validate']);
  for (const [name, load] of Object.entries(LISTING_ONLY)) {
    const listed = new Command('rpe');
    (await load())(listed);
    const full = new Command('rpe');
    (await COMMANDS[name]!())(full);
    assert.equal(listed.commands[0]!.name(), name);
    assert.match(full.commands[0]!.description(), new RegExp(`^${listed.commands[0]!.description().replace(/[()]/g, '\\$&')}`));
  }
});
