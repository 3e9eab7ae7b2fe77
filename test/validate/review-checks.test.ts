import { levelOfAgency } from '../../src/model/level';
import { deadlineOf } from '../../src/validate/deadline';
import { validateData, variant, withCode } from './helpers';

describe('D1, D2: the publication deadline of 条例 第四十九条', () => {
  test('levels from names: only a 县级以上 人民政府 is a government', () => {
    expect(levelOfAgency('平罗县人民政府')).toBe('government');
    expect(levelOfAgency('石嘴山市人民政府')).toBe('government');
    expect(levelOfAgency('平罗县人民政府办公室')).toBe('department');
    expect(levelOfAgency('平罗县科学技术局')).toBe('department');
    expect(levelOfAgency('城关镇人民政府')).toBe('unclear');
    expect(levelOfAgency('通伏乡人民政府')).toBe('unclear');
    expect(levelOfAgency('鼓楼街道办事处')).toBe('unclear');
    expect(levelOfAgency('经济技术开发区管理委员会')).toBe('unclear');
    expect([deadlineOf('department', 2021), deadlineOf('government', 2021)]).toEqual(['2022-01-31', '2022-03-31']);
  });

  test('a department publishing after 31 January gets a warning naming the date and the deadline; on time, none', () => {
    const late = validateData(variant((d) => (d.published = '2022-02-03')));
    expect(withCode(late.diagnostics, 'D1').map((x) => [x.path, x.message])).toEqual([
      ['published', '发布日期 2022-02-03 晚于政府部门的发布期限 2022-01-31（《政府信息公开条例》第四十九条；按机关名称视为政府部门，不对请填写 level）'],
    ]);
    expect(withCode(validateData(variant((d) => (d.published = '2022-01-31'))).diagnostics, 'D1')).toEqual([]);
  });

  test('a government has until 31 March; the signature date stands in for a missing publication date', () => {
    const gov = (edit: (d: Record<string, any>) => void) =>
      validateData(variant((d) => { d.agency = '平罗县人民政府'; edit(d); })).diagnostics;
    expect(withCode(gov((d) => (d.published = '2022-03-20')), 'D1')).toEqual([]);
    expect(withCode(gov((d) => (d.signature = { date: '2022-04-02' })), 'D1').map((x) => x.message)).toEqual([
      '落款日期（未填发布日期，按落款日期核对） 2022-04-02 晚于县级以上人民政府的发布期限 2022-03-31（《政府信息公开条例》第四十九条；按机关名称视为县级以上人民政府，不对请填写 level）',
    ]);
    // level, when written, wins over the name
    expect(withCode(gov((d) => Object.assign(d, { level: 'department', published: '2022-02-10' })), 'D1')[0].message).toMatch(/^发布日期 2022-02-10 晚于政府部门的发布期限 2022-01-31（《政府信息公开条例》第四十九条）$/);
  });

  test('a date within the statistics year is flagged; a 乡镇 without level gets a hint and no deadline', () => {
    expect(withCode(validateData(variant((d) => (d.published = '2021-12-30'))).diagnostics, 'D1')[0].message).toMatch(/在统计期.*结束之前/);
    const town = validateData(variant((d) => Object.assign(d, { agency: '城关镇人民政府', published: '2022-05-01' }))).diagnostics;
    expect(withCode(town, 'D1')).toEqual([]);
    expect(withCode(town, 'D2').map((x) => x.severity)).toEqual(['hint']);
    const set = validateData(variant((d) => Object.assign(d, { agency: '城关镇人民政府', level: 'government', published: '2022-05-01' }))).diagnostics;
    expect(withCode(set, 'D2')).toEqual([]);
    expect(withCode(set, 'D1')).toHaveLength(1);
  });
});

describe('C1: text copied from last year (内容雷同)', () => {
  const previousOf = (edit: (d: Record<string, any>) => void = () => undefined) =>
    variant((d) => {
      d.year -= 1;
      edit(d);
    });

  test('last year’s text with only the years changed is named by section and share, with the sentences', () => {
    const previous = previousOf((d) => {
      d.problems = String(d.problems).replace(/2021/g, '2020');
    });
    const r = validateData(variant(() => undefined), { previous: { data: previous } });
    const c1 = withCode(r.diagnostics, 'C1');
    expect(c1.map((x) => x.path)).toContain('problems');
    const p = c1.find((x) => x.path === 'problems')!;
    expect(p.severity).toBe('warning');
    expect(p.message).toMatch(/^五、存在的主要问题及改进情况：100% 的文字与上一年度报告的句子相同/);
  });

  test('rewritten text is not flagged; a short section (one line of 六) is never compared', () => {
    const previous = previousOf((d) => {
      d.overviewIntro = '本局认真贯彻落实条例，扎实推进各项公开工作，取得了新的进展。';
      d.overview = [{ heading: '主动公开', body: '全年在门户网站发布信息300条，涵盖机构职能、政策文件和工作动态等内容。' }];
      d.problems = '一是信息发布不够及时。二是解读形式单一。下一步将加强培训，完善工作机制，提高公开质量和实效。';
    });
    expect(withCode(validateData(variant(() => undefined), { previous: { data: previous } }).diagnostics, 'C1')).toEqual([]);
    // The example's 六 is “无。”: the same last year is no copy worth a warning.
    expect(withCode(validateData(variant(() => undefined), { previous: { data: previousOf() } }).diagnostics, 'C1').map((x) => x.path)).not.toContain('otherMatters');
  });

  test('a sentence changed beyond its year counts as new text', () => {
    const current = variant((d) => {
      d.problems = '2021年，我局信息公开工作存在更新不及时的问题。2021年，我局将加强培训，提高工作人员业务水平，完善审核发布流程，确保信息发布及时、准确、规范。';
    });
    const previous = previousOf((d) => {
      d.problems = '2020年，我局信息公开工作存在更新不及时的问题。2020年，我局将加强培训，提高工作人员业务水平，完善审核发布流程，确保信息发布及时、准确、规范。';
    });
    const c1 = withCode(validateData(current, { previous: { data: previous } }).diagnostics, 'C1').find((x) => x.path === 'problems')!;
    expect(c1.message).toContain('其中 2 句只改了年份：“2021年，我局信息公开工作存在更新不及时的问题。”');
    current.problems = '2021年，我局信息公开工作存在解读不够深入的问题。2021年，我局将加强培训，提高工作人员业务水平，完善审核发布流程，确保信息发布及时、准确、规范。';
    expect(withCode(validateData(current, { previous: { data: previous } }).diagnostics, 'C1').map((x) => x.path)).not.toContain('problems');
  });
});
