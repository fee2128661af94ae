// The printable report's template (Handlebars). Every value is written with {{…}}, which escapes it:
// pack and commune texts are anyone's input and must never become markup. No triple braces here
// (test/batch/report.test.ts checks it).

export const REPORT_STYLE = `
@page { size: A4; margin: 18mm 15mm 18mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12.5pt; line-height: 1.35; color: #000; margin: 0; }
.page { padding: 0 4mm; }
.page + .page, .cover + .page { break-before: page; page-break-before: always; }
h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 0 0 2pt; }
h2 { font-size: 13pt; margin: 14pt 0 4pt; }
h3 { font-size: 12.5pt; margin: 10pt 0 3pt; }
.subtitle { text-align: center; font-weight: bold; margin: 0 0 8pt; }
.meta { margin: 2pt 0; }
.bases p { margin: 1pt 0; font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 6pt; font-size: 10.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #444; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eef3f8; }
td.label { white-space: nowrap; }
.verdict { font-weight: bold; white-space: nowrap; }
.dat { color: #006100; } .chua-dat { color: #9c0006; } .thieu-du-lieu { color: #9c5700; } .khong-ap-dung { color: #595959; }
td.verdict.dat { background: #c6efce; } td.verdict.chua-dat { background: #ffc7ce; } td.verdict.thieu-du-lieu { background: #ffeb9c; } td.verdict.khong-ap-dung { background: #ededed; }
.conclusion { margin: 2pt 0 6pt; font-style: italic; }
.notes { font-size: 9.5pt; color: #333; margin: 2pt 0 0; padding-left: 12pt; }
.small { font-size: 9.5pt; color: #333; }
.disclaimer { font-size: 9.5pt; color: #333; border-top: 0.6pt solid #999; margin-top: 12pt; padding-top: 4pt; }
ul, ol { margin: 2pt 0 4pt; }
@media screen { body { background: #ddd; } .page, .cover { background: #fff; max-width: 210mm; margin: 8mm auto; padding: 14mm 15mm; box-shadow: 0 0 4px #999; } }
`;

export const DOCUMENT_START = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="generator" content="ntm">
<title>{{title}}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
`;

export const DOCUMENT_END = `</body>
</html>
`;

export const COVER = `<section class="cover">
<h1>{{title}}</h1>
<p class="subtitle">{{subtitle}}</p>
<table>
<thead><tr><th>STT</th><th>Xã</th><th>Kết quả</th><th>Tiêu chí</th></tr></thead>
<tbody>
{{#each rows}}{{#if id}}<tr><td>{{n}}</td><td><a href="#{{id}}">{{name}}</a></td><td class="verdict {{verdict.css}}">{{verdict.text}}</td><td>{{summary}}</td></tr>
{{else}}<tr><td>{{n}}</td><td>{{name}}</td><td class="verdict chua-dat">không đánh giá được</td><td>{{reason}}</td></tr>
{{/if}}{{/each}}
</tbody>
</table>
</section>
`;

export const PAGE = `<section class="page" id="{{id}}">
<h1>{{title}}</h1>
<p class="subtitle">{{subtitle}}</p>
<p class="meta">Bộ tiêu chí: {{pack.title}} ({{pack.jurisdiction}}, phiên bản {{pack.version}}).</p>
<p class="meta">Thời điểm đánh giá: {{assessedAt}}.{{#if source}} Nguồn số liệu: {{source}}.{{/if}}</p>
<div class="bases">{{#each bases}}<p>{{this}}</p>{{/each}}</div>

<h2>I. Kết quả chung</h2>
<p>Xã {{summary}}; công nhận: <span class="verdict {{recognition.css}}">{{recognition.text}}</span>.</p>
{{#if criteria.length}}
<table>
<thead><tr><th>Tiêu chí</th><th>Tên tiêu chí</th><th>Kết quả</th></tr></thead>
<tbody>
{{#each criteria}}<tr><td class="label">{{label}}</td><td>{{title}}</td><td class="verdict {{verdict.css}}">{{verdict.text}}</td></tr>
{{/each}}
</tbody>
</table>
{{/if}}

{{#if criteria.length}}
<h2>{{sections.criteria}}. Kết quả từng tiêu chí</h2>
{{/if}}
{{#each criteria}}
<h3>{{label}}. {{heading}}</h3>
<table>
<colgroup><col style="width:7%"><col style="width:33%"><col style="width:22%"><col style="width:10%"><col style="width:12%"><col style="width:16%"></colgroup>
<thead><tr><th>Chỉ tiêu</th><th>Yêu cầu</th><th>Số liệu của xã</th><th>Kết quả</th><th>Còn thiếu</th><th>Căn cứ</th></tr></thead>
<tbody>
{{#each indicators}}<tr>
<td class="label">{{label}}</td>
<td>{{requirement}}{{#if threshold}}<br><span class="small">Ngưỡng áp dụng: {{threshold}}</span>{{/if}}</td>
<td>{{#each figures}}{{this}}<br>{{/each}}</td>
<td class="verdict {{verdict.css}}">{{verdict.text}}{{#if score}}<br><span class="small">{{score}}</span>{{/if}}</td>
<td>{{gap}}</td>
<td class="small">{{#each citations}}{{this}}<br>{{/each}}{{#if notes.length}}<ul class="notes">{{#each notes}}<li>{{this}}</li>{{/each}}</ul>{{/if}}</td>
</tr>
{{/each}}
</tbody>
</table>
<p class="conclusion">Đánh giá: <span class="{{verdict.css}}">{{conclusion}}</span>{{#if score}} {{score}}{{/if}}</p>
{{/each}}

{{#if gates.length}}
<h2>{{sections.gates}}. Điều kiện công nhận</h2>
<table>
<colgroup><col style="width:38%"><col style="width:22%"><col style="width:10%"><col style="width:13%"><col style="width:17%"></colgroup>
<thead><tr><th>Điều kiện</th><th>Số liệu của xã</th><th>Kết quả</th><th>Còn thiếu</th><th>Căn cứ</th></tr></thead>
<tbody>
{{#each gates}}<tr>
<td>{{text}}{{#if threshold}}<br><span class="small">Ngưỡng áp dụng: {{threshold}}</span>{{/if}}</td>
<td>{{#each figures}}{{this}}<br>{{/each}}</td>
<td class="verdict {{verdict.css}}">{{verdict.text}}</td>
<td>{{gap}}</td>
<td class="small">{{#each citations}}{{this}}<br>{{/each}}{{#if notes.length}}<ul class="notes">{{#each notes}}<li>{{this}}</li>{{/each}}</ul>{{/if}}</td>
</tr>
{{/each}}
</tbody>
</table>
{{/if}}

<h2>{{sections.unverified}}. Ngưỡng chưa kiểm chứng</h2>
{{#if unverified.length}}
<p class="small">Các ngưỡng dưới đây chưa được đối chiếu với văn bản gốc; kết luận dựa trên chúng cần rà soát.</p>
<ul>{{#each unverified}}<li>{{what}}: {{note}}</li>{{/each}}</ul>
{{else}}
<p>Không có chỉ tiêu hay điều kiện nào dùng ngưỡng chưa kiểm chứng.</p>
{{/if}}

<h2>{{sections.plan}}. Kế hoạch</h2>
{{#if hasPlan}}
{{#each plan}}
<h3>{{criterion}}</h3>
<ol>{{#each items}}<li value="{{n}}">[{{kind}}] {{indicator}} {{requirement}}{{#if now}}: {{now}}{{/if}}{{#if detail.length}}<ul class="notes">{{#each detail}}<li>{{this}}</li>{{/each}}</ul>{{/if}}</li>{{/each}}</ol>
{{/each}}
{{#if planGates.length}}
<h3>Điều kiện công nhận chưa thỏa</h3>
<ul>{{#each planGates}}<li>[{{kind}}] {{text}}{{#if now}}: {{now}}{{/if}}{{#if detail.length}}<ul class="notes">{{#each detail}}<li>{{this}}</li>{{/each}}</ul>{{/if}}</li>{{/each}}</ul>
{{/if}}
<p>Tổng: {{planTotal}}</p>
{{else}}
<p>{{done}}</p>
{{/if}}

{{#if warnings.length}}
<h2>Ghi chú về số liệu</h2>
<ul class="small">{{#each warnings}}<li>{{this}}</li>{{/each}}</ul>
{{/if}}
<p class="disclaimer">Kết quả do công cụ ntm tính từ số liệu nhập và bộ tiêu chí đã mã hóa; đây là tài liệu tham khảo cho việc thẩm tra, không thay thế kết luận của cơ quan có thẩm quyền.</p>
</section>
`;
