import type { Response } from 'express';
import type { Rag } from '../core/engine/rag.js';

/** Markup that is already safe: only `html` makes it, so every other value is escaped. */
export class Html {
  constructor(readonly markup: string) {}
  toString() {
    return this.markup;
  }
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Part = Html | string | number | null | undefined | false | Part[];
const render = (part: Part): string =>
  part instanceof Html ? part.markup : Array.isArray(part) ? part.map(render).join('') : part === null || part === undefined || part === false ? '' : escape(String(part));

/** A template whose values are escaped unless they are Html themselves. */
export const html = (strings: TemplateStringsArray, ...values: Part[]): Html =>
  new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));

const RAG_WORD: Record<Rag, string> = { red: 'Overdue', amber: 'Due soon', green: 'On track' };
export const ragBadge = (rag: Rag, word = RAG_WORD[rag]) => html`<span class="rag rag-${rag}">${word}</span>`;

// No scripts at all (the pages' security policy allows none): forms and links do everything.
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;background:#f5f6f8}
header{background:#1d2433;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header a{color:#fff;text-decoration:none}header .who{color:#c9cfdb;font-size:.92rem}header .brand{font-weight:700;margin-right:auto}header form{margin:0}
header button{background:none;border:1px solid #8b93a7;color:#fff;border-radius:4px;padding:.2rem .6rem;font:inherit;cursor:pointer}
main{max-width:60rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}h1{font-size:1.4rem;margin:.5rem 0 1rem;overflow-wrap:anywhere}h2{font-size:1.1rem;margin:0 0 .5rem}h3{font-size:1rem;margin:1rem 0 .25rem;color:#3b4458}
section,.card{background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:1rem;margin:0 0 1rem}
ul.items{list-style:none;margin:0;padding:0}ul.items li{padding:.55rem 0;border-top:1px solid #eceef2;display:flex;flex-wrap:wrap;gap:.25rem .6rem;align-items:baseline}
ul.items li:first-child{border-top:0}ul.items a{font-weight:600;overflow-wrap:anywhere}.muted{color:#5b6477;font-size:.92rem}
.rag{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.8rem;font-weight:700;color:#fff;white-space:nowrap}
.rag-red{background:#c62828}.rag-amber{background:#b26a00}.rag-green{background:#2e7d32}
.totals{display:flex;gap:.5rem;flex-wrap:wrap}.totals .rag{font-size:.95rem;padding:.2rem .8rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-top:1px solid #eceef2;vertical-align:top}th{font-size:.85rem;color:#5b6477}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}dl.facts dt{color:#5b6477}dl.facts dd{margin:0;overflow-wrap:anywhere}
.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;overflow-wrap:anywhere;word-break:break-all}
form.action{margin:.75rem 0;display:grid;gap:.4rem}label{font-weight:600}input[type=text],input[type=email],textarea{width:100%;padding:.55rem;border:1px solid #b9c0cc;border-radius:4px;font:inherit}
input[type=file]{max-width:100%}
button.primary,button.secondary,button.danger{padding:.6rem 1rem;border-radius:4px;border:0;font:inherit;font-weight:600;cursor:pointer;min-height:44px}
button.primary{background:#1f5fbf;color:#fff}button.secondary{background:#e4e8ef;color:#1d2433}button.danger{background:#fbe9e9;color:#9b1c1c;border:1px solid #e9b4b4}
.notice{padding:.75rem 1rem;border-radius:6px;margin:0 0 1rem}.notice-ok{background:#e6f4ea;border:1px solid #a8d5b3}.notice-error{background:#fdecea;border:1px solid #f1b0aa}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600;padding:.4rem 0}
ol.timeline{margin:0;padding-left:1.2rem}ol.timeline li{margin:.35rem 0;overflow-wrap:anywhere;word-break:break-word}
@media (max-width:600px){main{padding:.6rem}section,.card{padding:.75rem}dl.facts{grid-template-columns:1fr}dl.facts dt{margin-top:.4rem}th.wide,td.wide{display:none}}
`;

export interface PageOptions {
  title: string;
  /** Who is signed in: names them and offers My work and signing out. */
  person?: { name: string; tenantName?: string };
  body: Html;
  status?: number;
  notice?: { kind: 'ok' | 'error'; text: string };
}

/** A whole page: the same frame everywhere, readable from a phone (390 px) to a desktop. */
export function sendPage(res: Response, { title, person, body, status = 200, notice }: PageOptions): void {
  const nav = person
    ? html`<a href="/work">My work</a><span class="who">${person.name}${person.tenantName ? ` · ${person.tenantName}` : ''}</span><form method="post" action="/sign-out"><button>Sign out</button></form>`
    : html``;
  res.status(status).type('html').set('Cache-Control', 'private, no-store').send(`<!doctype html>${html`<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · Compliance OS</title><style>${new Html(STYLE)}</style></head>
<body><header><a class="brand" href="/work">Compliance OS</a>${nav}</header><main>
${notice ? html`<p class="notice notice-${notice.kind}" role="status">${notice.text}</p>` : ''}${body}</main></body></html>`}`);
}
