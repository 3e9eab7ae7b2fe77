/**
 * The data a template sees, built in code from a validated Report and its derived
 * tables. Every key is always present (null when absent), so templates run in
 * handlebars' strict mode; every figure comes from `deriveTables`, never from
 * template arithmetic; narrative text has its `{{…}}` placeholders expanded here
 * (a plain lookup, never template execution of user text).
 */
import type { DerivedTables, OutcomeFigures, SevenFigures } from '../model/derive';
import type { Report } from '../model/schema';
import { APPLICATION_ROWS } from '../catalogue/format-2021';

/** One sub-section of 一、总体情况. */
export interface OverviewItem {
  /** 1-based position, printed with `{{ordinal n}}` as （一）. */
  n: number;
  heading: string;
  body: string | null;
}

/** Table 三 rows in the input's shape, each with 7 figures (6 columns and 总计). */
export interface ApplicationsView {
  newlyReceived: SevenFigures;
  carriedOver: SevenFigures;
  granted: SevenFigures;
  partiallyGranted: SevenFigures;
  denied: Record<
    | 'stateSecret' | 'prohibitedByLaw' | 'endangersSecurity' | 'thirdPartyRights'
    | 'internalAffairs' | 'processInformation' | 'enforcementFiles' | 'inquiryMatters',
    SevenFigures
  >;
  unableToProvide: Record<'notHeld' | 'needsCreation' | 'unclearAfterCorrection', SevenFigures>;
  notProcessed: Record<'petitionOrComplaint' | 'repeated' | 'publication' | 'excessive' | 'confirmation', SevenFigures>;
  otherDisposal: Record<'overdueCorrection' | 'overdueFee' | 'other', SevenFigures>;
  total: SevenFigures;
  carriedForward: SevenFigures;
}

/** What the templates are given. */
export interface ReportView {
  /** The title: report.title, or “<agency><year>年政府信息公开工作年度报告”. */
  title: string;
  agency: string;
  year: number;
  contact: string | null;
  preamble: string | null;
  overviewIntro: string | null;
  overview: OverviewItem[];
  proactive: DerivedTables['proactive'];
  applicationsIntro: string | null;
  applications: ApplicationsView;
  reviewLitigation: Record<'review' | 'litigationDirect' | 'litigationAfterReview', OutcomeFigures>;
  problems: string | null;
  otherMatters: string | null;
  /** The 落款, or null: agency defaults to the report's; date as entered (ISO), or null. */
  signature: { agency: string; date: string | null } | null;
}

/** 公开版 (published, the default) or 报送版 (submitted on paper, signed and sealed). */
export type Edition = 'public' | 'submission';

/** Expands placeholders in narrative text (plain lookup on the derived figures). */
export type NarrativeExpander = (text: string, derived: DerivedTables) => string;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Removes control characters (they have no place in a printed report and would confuse the markup). */
function clean(s: string): string {
  return s.replace(CONTROL, '');
}

/** Builds the template view of a report. */
export function buildView(report: Report, derived: DerivedTables, expand: NarrativeExpander = (t) => t, edition: Edition = 'public'): ReportView {
  const narrative = (text: string | undefined): string | null =>
    text === undefined || text.trim() === '' ? null : clean(expand(text, derived));
  const plain = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : clean(s.trim()));

  const agency = clean(report.agency.trim());
  const applications: Record<string, unknown> = {};
  for (const row of APPLICATION_ROWS) {
    const figures = derived.applications[row.key];
    const parts = row.key.split('.');
    let node = applications;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = figures;
  }

  return {
    title: report.title !== undefined && report.title.trim() !== '' ? clean(report.title.trim()) : `${agency}${report.year}年政府信息公开工作年度报告`,
    agency,
    year: report.year,
    contact: plain(report.contact),
    preamble: narrative(report.preamble),
    overviewIntro: narrative(report.overviewIntro),
    overview: (report.overview ?? []).map((item, i) => ({
      n: i + 1,
      heading: clean(item.heading.trim()),
      body: narrative(item.body),
    })),
    proactive: derived.proactive,
    applicationsIntro: narrative(report.applicationsIntro),
    applications: applications as unknown as ApplicationsView,
    reviewLitigation: derived.reviewLitigation,
    problems: narrative(report.problems),
    otherMatters: narrative(report.otherMatters),
    // The submission edition is signed: it always has its 落款.
    signature:
      report.signature || edition === 'submission'
        ? {
            agency: plain(report.signature?.agency) ?? agency,
            date: report.signature?.date ?? null,
          }
        : null,
  };
}
