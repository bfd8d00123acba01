/**
 * Prose with inline math: the plain-text fields of a proof (justifications,
 * summaries) may contain $…$ (LaTeX) and `…` (code). This module splits them so
 * that each renderer can escape the prose and typeset the math its own way.
 *
 * Owns: the segmentation and the Unicode → LaTeX map for prose symbols.
 */
export type Segment = { readonly kind: 'text' | 'math' | 'code'; readonly s: string };

export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let i = 0, buf = '';
  const flush = () => { if (buf) out.push({ kind: 'text', s: buf }); buf = ''; };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '$' || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      if (end > i) {
        flush();
        out.push({ kind: ch === '$' ? 'math' : 'code', s: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return out;
}

/** Unicode symbols in prose and their LaTeX math equivalents. */
export const UNICODE_MATH: Readonly<Record<string, string>> = {
  '≤': '\\le', '≥': '\\ge', '→': '\\to', '∞': '\\infty', '−': '-', '·': '\\cdot', 'Σ': '\\sum', '≠': '\\ne',
  'ε': '\\varepsilon', 'δ': '\\delta', 'ρ': '\\rho', 'α': '\\alpha', 'β': '\\beta', 'λ': '\\lambda', '∫': '\\int',
  '₀': '_0', '₁': '_1', '₂': '_2', '₃': '_3', '₄': '_4', '√': '\\surd', '∈': '\\in', '×': '\\times', '⇒': '\\Rightarrow',
  '≈': '\\approx', '′': "'", '∎': '\\blacksquare', '⇔': '\\Leftrightarrow', '±': '\\pm',
  '⁰': '^0', '¹': '^1', '²': '^2', '³': '^3', '⁴': '^4', '⁵': '^5', '⁶': '^6', '⁷': '^7', '⁸': '^8', '⁹': '^9', '⁻': '^-',
};

/**
 * The parts of a display claim: our step builders join independent statements
 * with `\qquad` at the top level ("a_n = …,\qquad q(n) = …"). Renderers set each
 * part as its own display, so that a narrow page stacks them instead of cutting
 * them. Only `\qquad` at brace depth 0 separates; a trailing comma or semicolon
 * stays with its part.
 */
export function claimParts(tex: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i];
    if (ch === '\\' && tex[i + 1] === '{') { i++; continue; }
    if (ch === '\\' && tex[i + 1] === '}') { i++; continue; }
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (depth === 0 && tex.startsWith('\\qquad', i) && !/[a-zA-Z]/.test(tex[i + 6] ?? '')) {
      out.push(tex.slice(start, i).trim());
      start = i + 6;
      i += 5;
    }
  }
  out.push(tex.slice(start).trim());
  return out.filter((p) => p !== '');
}
