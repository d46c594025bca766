// The page's CSS. Colours are VS Code theme variables with light fallbacks,
// so one stylesheet serves the themed webview and the standalone page.
export const DASHBOARD_CSS = `
:root{
 --fg:var(--vscode-editor-foreground,#1f2328);--bg:var(--vscode-editor-background,#ffffff);
 --muted:var(--vscode-descriptionForeground,#59636e);--border:var(--vscode-panel-border,#d1d9e0);
 --accent:var(--vscode-textLink-foreground,#0969da);--panel:var(--vscode-sideBar-background,#f6f8fa);
 --ok:var(--vscode-charts-green,#1a7f37);--part:var(--vscode-charts-yellow,#b08800);--miss:var(--vscode-charts-red,#cf222e);
 --base:var(--vscode-charts-foreground,#6e7781);--best:var(--vscode-charts-blue,#0969da);--focus:var(--vscode-focusBorder,#0969da);
}
*{box-sizing:border-box}
body{margin:0;padding:20px 28px 60px;color:var(--fg);background:var(--bg);
 font:13px/1.45 var(--vscode-font-family,system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK JP",sans-serif)}
h1{font-size:20px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--border)}
h3{font-size:15px;margin:0 0 6px}h3 small,.muted{color:var(--muted);font-weight:normal;font-size:12px}
code{font-family:var(--vscode-editor-font-family,ui-monospace,monospace);font-size:12px}
a{color:var(--accent)}
header p{margin:2px 0;color:var(--muted)}
nav.toc{margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 10px;font-size:12px}
section.round,section.history{margin:14px 0 22px;padding:14px 16px;border:1px solid var(--border);border-radius:8px;background:var(--bg)}
.verdict{margin:4px 0 10px;padding:7px 10px;border-radius:6px;border-left:4px solid var(--base);background:var(--panel)}
.verdict.adopt{border-left-color:var(--ok)}.verdict.keep{border-left-color:var(--best)}
table{border-collapse:collapse}
th,td{padding:3px 8px;text-align:left;vertical-align:middle}
.variants th,.variants td{border-bottom:1px solid var(--border);white-space:nowrap}
.variants thead th,.cats thead th{font-size:11px;color:var(--muted);font-weight:600}
.variants th.strip-h{white-space:normal;min-width:200px}
.variants tr.axis td{border-bottom:0;padding-top:0}.strip-key{font-size:11px;color:var(--muted);text-align:right;white-space:normal!important}
.pill{font-size:10px;padding:1px 6px;border-radius:9px;background:var(--panel);border:1px solid var(--border);color:var(--muted);font-weight:normal}
.pill.win{border-color:var(--ok);color:var(--ok);font-weight:600}
.num{font-variant-numeric:tabular-nums;border-bottom:1px dotted var(--muted);cursor:help}
.num.mean{font-weight:700}.runs .num{margin-right:6px}
.judge-note,.stated{font-size:11px;color:var(--miss);white-space:nowrap;cursor:help}
.num.differs{color:var(--miss);font-weight:700}
.st{font-size:11px;padding:1px 7px;border-radius:9px;font-weight:600}
.st-high{color:var(--ok);background:color-mix(in srgb,var(--ok) 14%,var(--bg))}
.st-medium{color:var(--part);background:color-mix(in srgb,var(--part) 16%,var(--bg))}
.st-low{color:var(--miss);background:color-mix(in srgb,var(--miss) 14%,var(--bg))}
svg text{fill:var(--muted);font-size:10px;text-anchor:middle}
svg .ylab{text-anchor:end}svg .axis-title{text-anchor:middle;font-size:11px}
.zone-keep{fill:var(--base);opacity:.14}.zone-sd{fill:var(--part);opacity:.14}.zone-adopt{fill:var(--ok);opacity:.14}
.matrix tfoot small.count{display:block;font-size:10px;color:var(--muted)}
.base-line{stroke:var(--base);stroke-dasharray:3 2}
rect.band{opacity:.35}rect.band.st-high{fill:var(--ok)}rect.band.st-medium{fill:var(--part)}rect.band.st-low{fill:var(--miss)}
rect.mean{fill:var(--fg)}
circle.pt{fill:var(--best);stroke:var(--bg);stroke-width:1.5}
.axis-svg line{stroke:var(--muted)}
.matrix-wrap,.cat-wrap{overflow-x:auto;margin-top:12px}
.matrix th,.matrix td{border:1px solid var(--border)}
.matrix thead th{text-align:center;font-size:11px;background:var(--panel)}
.matrix th.vg{font-size:12px;color:var(--fg)}
.matrix th.ph{max-width:360px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:normal}
.pid{font-weight:700;font-family:var(--vscode-editor-font-family,ui-monospace,monospace)}
td.c{padding:0;text-align:center;min-width:52px;position:relative}
td.c .cell{display:flex;align-items:center;justify-content:center;gap:2px;height:30px;padding:0 6px;color:inherit;text-decoration:none;cursor:pointer}
td.c .mark{font-size:16px;font-weight:700}
td.c .src{font-size:9px;font-weight:700;opacity:.7;align-self:flex-end;margin-bottom:6px}
td.c .alt{font-size:10px;opacity:.85;margin-left:3px;white-space:nowrap}
td.v-detected{background:color-mix(in srgb,var(--ok) 17%,var(--bg))}td.v-detected .mark{color:var(--ok)}
td.v-partial{background:color-mix(in srgb,var(--part) 22%,var(--bg))}td.v-partial .mark{color:var(--part)}
td.v-missed{background:color-mix(in srgb,var(--miss) 15%,var(--bg))}td.v-missed .mark{color:var(--miss)}
td.dis::after{content:"";position:absolute;top:0;right:0;border-style:solid;border-width:0 9px 9px 0;border-color:transparent var(--fg) transparent transparent;opacity:.55}
.cell:focus-visible,.num:focus-visible,circle:focus-visible,.converge:focus-visible{outline:2px solid var(--focus);outline-offset:1px}
.matrix tfoot th{font-weight:600;font-size:12px;background:var(--panel)}
.matrix tfoot td{text-align:center;white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:12px;color:var(--muted);margin:8px 0 0}
.lg{padding:1px 8px;border-radius:4px;color:var(--fg)}
.lg.v-detected{background:color-mix(in srgb,var(--ok) 17%,var(--bg))}.lg.v-partial{background:color-mix(in srgb,var(--part) 22%,var(--bg))}.lg.v-missed{background:color-mix(in srgb,var(--miss) 15%,var(--bg))}
figure.hist{margin:6px 0 10px;flex:0 1 590px}.hist-body{display:flex;flex-wrap:wrap;gap:8px 28px;align-items:flex-start}
.rounds{margin-top:28px;font-size:12px}.rounds th,.rounds td{border-bottom:1px solid var(--border);white-space:nowrap}.rounds thead th{font-size:11px;color:var(--muted)}
.rounds .vname{color:var(--muted);font-size:11px}.rounds .adopt{color:var(--ok);font-weight:600}.rounds .keep{color:var(--best)}figcaption{font-weight:600;margin-bottom:4px}
.lg-line{font-weight:normal;font-size:12px;margin-left:10px}
.lg-line::before{content:"";display:inline-block;width:18px;height:0;border-top:2px solid;vertical-align:middle;margin-right:4px}
.lg-line.baseline::before{border-color:var(--base);border-top-style:dashed}.lg-line.best::before{border-color:var(--best)}
.grid{stroke:var(--border)}
polyline.line{fill:none;stroke-width:2}polyline.baseline{stroke:var(--base);stroke-dasharray:5 3}polyline.best{stroke:var(--best)}
line.err{stroke-width:2;opacity:.6}line.err.baseline{stroke:var(--base)}line.err.best{stroke:var(--best)}
circle.hp{stroke:var(--bg);stroke-width:1.5;cursor:help}circle.hp.baseline{fill:var(--base)}circle.hp.best{fill:var(--best)}
.converge{margin:4px 0;padding:6px 10px;border-radius:6px;background:var(--panel);display:block;cursor:help}
.converge.yes{border-left:4px solid var(--ok)}.converge.no{border-left:4px solid var(--part)}
.cats caption{text-align:left;font-weight:600;padding:4px 0}
.cats th,.cats td{border:1px solid var(--border);font-size:12px}
.cats td{text-align:center;min-width:40px}.cats td.all{font-weight:700}.cats td.na{color:var(--muted)}
.cats td.h4{background:color-mix(in srgb,var(--ok) 30%,var(--bg))}.cats td.h3{background:color-mix(in srgb,var(--ok) 15%,var(--bg))}
.cats td.h2{background:color-mix(in srgb,var(--part) 20%,var(--bg))}.cats td.h1{background:color-mix(in srgb,var(--miss) 16%,var(--bg))}.cats td.h0{background:color-mix(in srgb,var(--miss) 30%,var(--bg))}
/* Half a screen (an editor split, a 900 px window): text wraps, figures scale, only the matrix and the category table scroll. */
.strip svg,.axis-svg{width:100%;min-width:200px;max-width:340px;height:auto;display:block}
figure.hist svg{max-width:100%;height:auto}
.matrix th.ph,.matrix th.corner,.matrix tfoot th,.cats tbody th,.cats thead th:first-child{position:sticky;left:0;z-index:1;background:var(--bg)}
.matrix tfoot th,.matrix th.corner{background:var(--panel)}
.matrix-wrap,.cat-wrap{max-width:100%}
main,section.perspective,section.round,section.history,section.agreement{min-width:0;max-width:100%}
@media (max-width:1100px){
 body{padding:14px 14px 40px}
 section.round,section.history,section.agreement{padding:10px}
 .variants th,.variants td{white-space:normal;padding:3px 5px}
 .variants th[scope=row]{overflow-wrap:break-word}
 .judge-note{white-space:normal}
 .rounds th,.rounds td{white-space:normal}.rounds .vname{display:block}
 .matrix th.ph{max-width:34vw}
 .rounds{margin-top:8px}
}
.status{position:sticky;top:0;z-index:2;margin:0 0 8px;padding:6px 10px;border-radius:6px;background:var(--panel);border-left:4px solid var(--best)}
.status.done{border-left-color:var(--ok)}.status.cancelled{border-left-color:var(--miss)}
section.round.pending{opacity:.7}
section.agreement{margin:14px 0 22px;padding:14px 16px;border:1px solid var(--border);border-radius:8px}
.agree-body{display:flex;flex-wrap:wrap;gap:14px 28px;align-items:flex-start}
article.pair{flex:1 1 340px;min-width:0;max-width:100%}article.pair.none{flex:0 1 240px}article.pair h4{margin:0 0 4px;font-size:14px}
.kappa .kappa-v{font-weight:700;font-size:15px}.kappa .kw{color:var(--muted)}
.lean{margin:4px 0 8px}
.conf-wrap{overflow-x:auto;max-width:100%;margin:6px 0}
.confusion caption,.disputed caption{text-align:left;font-weight:600;padding:2px 0;font-size:12px}
.confusion th,.confusion td,.disputed th,.disputed td{border:1px solid var(--border);font-size:12px}
.confusion td{text-align:center;min-width:46px}.confusion td.diag{background:color-mix(in srgb,var(--ok) 15%,var(--bg))}
.confusion td.off{background:color-mix(in srgb,var(--miss) 12%,var(--bg))}.confusion td.zero{color:var(--muted)}
.disputed th{font-weight:normal}.disputed td{white-space:nowrap}
#rg-tip{position:fixed;z-index:10;max-width:460px;padding:7px 9px;border-radius:6px;white-space:pre-wrap;font-size:12px;pointer-events:none;
 color:var(--vscode-editorHoverWidget-foreground,#1f2328);background:var(--vscode-editorHoverWidget-background,#fffbe6);
 border:1px solid var(--vscode-editorHoverWidget-border,#d4a72c);box-shadow:0 3px 10px rgba(0,0,0,.15)}
#rg-tip[hidden]{display:none}
`;
