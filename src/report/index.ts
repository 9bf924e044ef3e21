export { renderHtmlReport, type HtmlReportInput } from './render-html-report.js';
export { REPORT_STYLE } from './report-style.js';
export { CHANGE_LABELS } from './change-labels.js';
