/** The HTML report as a string: escaping, the embedded data, the script's hash, the paths its links use, and marks labelled and coloured in one place. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedJson, escapeHtml } from '../../../src/report/escape-html.js';
import { renderHtmlReport } from '../../../src/report/render-html-report.js';
import { reportScriptText } from '../../../src/report/report-script-text.js';
import { sha256Base64 } from '../../../src/report/sha256.js';
import { previewPatch } from '../../../src/describe/preview-patch.js';
import { user as arbitraryUser, validPatch } from '../../support/arbitraries.js';

const report = (user: object, patch: unknown) => renderHtmlReport({ user, patch, preview: previewPatch(user, patch) });
/** The trees a report embeds as data. */
const trees = (html: string) =>
  (
    JSON.parse(/<script type="application\/json" id="report-data">(.*)<\/script>/.exec(html)?.[1] ?? '') as {
      trees: { side: string; value: unknown; marks: Record<string, string>; open: string[] }[];
    }
  ).trees;
const decodeHtml = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_entity, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] as string,
  );

describe('sha256Base64', () => {
  it('agrees with node:crypto on any text, the report script included', () => {
    const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
    expect(sha256Base64('')).toBe(node(''));
    expect(sha256Base64(reportScriptText())).toBe(node(reportScriptText()));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Base64(text) === node(text)));
  });
});

describe('escapeHtml and embedJson', () => {
  it('escapes the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('embeds JSON that no value can break out of, and that parses back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('</script>', '<!--', '<script>', '\u2028', '&'), (value, nasty) => {
        const embedded = embedJson({ value, nasty });
        expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(embedded)).toEqual(JSON.parse(JSON.stringify({ value, nasty })));
      }),
    );
  });
});

describe('renderHtmlReport', () => {
  const hostile = {
    user_id: 'auth0|1',
    name: '</script><script>alert(1)</script>',
    user_metadata: { '<img src=x onerror=alert(2)>': { '<b>': '<!--' } },
  };
  const patch = { name: '"><svg onload=alert(3)>', user_metadata: { '<img src=x onerror=alert(2)>': { other: "'" } } };

  it("escapes every key and value: the only tags are the report's own", () => {
    const html = report(hostile, patch);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img|<svg|<b>|<!--/);
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('allows its one inline script by hash, and loads nothing', () => {
    const html = report(hostile, patch);
    const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map(
      (match) => match[1] as string,
    );
    expect(scripts).toEqual([reportScriptText()]);
    const hash = createHash('sha256').update(reportScriptText()).digest('base64');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'">`,
    );
    // One module that imports nothing and holds nothing that would end its element early.
    expect(reportScriptText()).not.toMatch(/^\s*(?:import|export)\b|<\/script|<!--/im);
    expect(html).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\/|url\(|@import/);
  });

  it('embeds the users and patch it shows, with the marks of each change', () => {
    const user = { user_metadata: { addresses: { home: '1 Home Road' } } };
    const html = report(user, { user_metadata: { addresses: { work: '2 Work Way' } } });
    const data = JSON.parse(
      /<script type="application\/json" id="report-data">(.*)<\/script>/.exec(html)?.[1] ?? '',
    ) as {
      trees: { side: string; value: unknown; marks: Record<string, string>; open: string[] }[];
    };
    expect(data.trees.map((tree) => [tree.side, tree.marks])).toEqual([
      ['before', { 't-before/user_metadata/addresses/home': 'removed' }],
      ['after', { 't-after/user_metadata/addresses/work': 'added' }],
      ['patch', {}],
    ]);
    expect(data.trees[0]?.value).toEqual(user);
    expect(html).toContain(
      '<a href="#t-before/user_metadata/addresses/home"><code>user_metadata.addresses.home</code></a>',
    );
  });

  it('percent-encodes keys in the ids its links name', () => {
    const html = report({ app_metadata: { 'my key/1': { a: 1 } } }, { app_metadata: { 'my key/1': { b: 2 } } });
    expect(html).toContain(
      '<a href="#t-before/app_metadata/my%20key%2F1/a"><code>app_metadata[&quot;my key/1&quot;].a</code></a>',
    );
  });

  it('links each change and warning to the node its segments name, whatever the keys hold', () => {
    const user = { user_metadata: { 'a.b': 1, '0': { 'x.y': 2, keep: 3 }, 'say "hi"': 4, '[0]': 5 } };
    const cleared = report(user, { user_metadata: {} });
    expect(trees(cleared)[0]?.marks).toEqual({
      't-before/user_metadata/0': 'removed',
      't-before/user_metadata/a.b': 'removed',
      't-before/user_metadata/say%20%22hi%22': 'removed',
      't-before/user_metadata/%5B0%5D': 'removed',
    });
    for (const [id, text] of [
      ['t-before/user_metadata/0', 'user_metadata[&quot;0&quot;]'],
      ['t-before/user_metadata/a.b', 'user_metadata[&quot;a.b&quot;]'],
      ['t-before/user_metadata/say%20%22hi%22', 'user_metadata[&quot;say \\&quot;hi\\&quot;&quot;]'],
      ['t-before/user_metadata/%5B0%5D', 'user_metadata[&quot;[0]&quot;]'],
    ])
      expect(cleared).toContain(`<a href="#${id}"><code>${text}</code></a>`);
    const dropped = report(user, { user_metadata: { '0': { keep: 3 } } });
    expect(
      dropped.match(
        /<a href="#t-before\/user_metadata\/0\/x\.y"><code>user_metadata\[&quot;0&quot;\]\[&quot;x\.y&quot;\]<\/code><\/a>/g,
      ),
    ).toHaveLength(2);
    const refused = report(user, { user_metadata: { '0': { 'x.y': 1 } } });
    expect(refused).toContain(
      '<a href="#t-patch/user_metadata/0/x.y"><code>user_metadata[&quot;0&quot;][&quot;x.y&quot;]</code></a>',
    );
    expect(trees(refused)[1]?.marks).toEqual({ 't-patch/user_metadata/0/x.y': 'refused' });
  });

  it('marks, for any user and patch, the node each change links to', () => {
    fc.assert(
      fc.property(arbitraryUser, validPatch, (user, patch) => {
        const html = report(user, patch);
        const marks = Object.assign({}, ...trees(html).map((tree) => tree.marks)) as Record<string, string>;
        const links = [...html.matchAll(/<li class="(added|changed|removed)">.*?<a href="#([^"]*)">/g)];
        expect(links).toHaveLength(Math.min(previewPatch(user, patch).changes.length, 500));
        for (const [, kind, id] of links) expect(marks[decodeHtml(id as string)]).toBe(kind);
      }),
      { numRuns: 50 },
    );
  });

  it("names Auth0's refusal, its body and its path", () => {
    const html = report({ user_id: 'auth0|1' }, { blocked: 'yes' });
    expect(html).toContain('Auth0 refuses this patch: 400 Bad Request (invalid_body)');
    expect(html).toContain('<a href="#t-patch/blocked"><code>blocked</code></a>');
    expect(html).toContain(escapeHtml(JSON.stringify(previewPatch({}, { blocked: 'yes' }).error, null, 2)));
  });
});

describe('the marks', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const sources = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sources(join(folder, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(folder, entry.name)]
          : [],
    );
  const where = (texts: readonly string[]) =>
    [...sources(join(root, 'src')), ...sources(join(root, 'emulator', 'src'))]
      .filter((file) => texts.some((text) => readFileSync(file, 'utf8').includes(text)))
      .map((file) => relative(root, file));

  it('are labelled in one place, which the report, its script and the emulator page share', () => {
    const labels = ['+ added', '~ changed', '\u2212 removed', '\u2715 refused', '! warning'];
    // Written as the character, or as its escape in the source.
    const escaped = labels.map((label) => label.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`));
    expect(where([...labels, ...escaped])).toEqual(['src/report/change-labels.ts']);
  });

  it('are coloured in one place, the report style, which the emulator page builds on', () => {
    const colours = ['#1a7f37', '#0b5d1e', '#e3f3e6', '#9a6700', '#6b3f00', '#fdf1dc', '#cf222e', '#a1121a', '#fde7e9'];
    expect(where(colours.flatMap((colour) => [colour, colour.toUpperCase()]))).toEqual(['src/report/report-style.ts']);
  });
});
