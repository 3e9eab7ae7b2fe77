import fc from 'fast-check';
import { BREAK_ALLOWED, BREAK_MANDATORY, breakOpportunities } from '../../src/layout/breaks';
import { NO_END, NO_START } from '../../src/layout/kinsoku';
import { fuzzParams } from '../support/fuzz';

/** The text cut at every break opportunity, e.g. `行。|“测|试”|好`. */
function cuts(text: string): string {
  const brk = breakOpportunities(text);
  let s = '';
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && brk[i]) s += '|';
    s += text[i];
  }
  return s;
}

describe('break opportunities (UAX #14 tailored for Chinese)', () => {
  test('ideographs break anywhere; closing marks stay with the character before, opening with the one after', () => {
    expect(cuts('我局，按照《条例》（试行）。')).toBe('我|局，|按|照|《条|例》|（试|行）。');
  });

  test('curly quotes open and close: break before “ and after ”, never after “ or before ”', () => {
    expect(cuts('行。“测试”好')).toBe('行。|“测|试”|好');
    expect(cuts('‘甲’乙')).toBe('‘甲’|乙');
  });

  test('an apostrophe inside a Latin word is not a closing quote', () => {
    expect(cuts('don’t')).toBe('don’t');
  });

  test('—— and …… never split and never start a line', () => {
    expect(cuts('他说——好……的')).toBe('他|说——|好……|的');
  });

  test('numbers stay whole, with their unit or percent sign; list numbers keep their text', () => {
    expect(cuts('共68件，2021年30%')).toBe('共|68件，|2021年|30%');
    expect(cuts('１２３件')).toBe('１２３件');
    expect(cuts('1.属于国家秘密')).toBe('1.属|于|国|家|秘|密');
    expect(cuts('〔2021〕30号')).toBe('〔2021〕|30号');
  });

  test('surrogate pairs are never cut inside', () => {
    const text = '𠀀𠀁字𠀂';
    const brk = breakOpportunities(text);
    expect([1, 3, 6].map((i) => brk[i])).toEqual([0, 0, 0]);
    expect([2, 4, 5].map((i) => brk[i])).toEqual([BREAK_ALLOWED, BREAK_ALLOWED, BREAK_ALLOWED]);
  });

  test('a forced break is mandatory, and so is the end of the text', () => {
    const brk = breakOpportunities('甲\n乙');
    expect(brk[2]).toBe(BREAK_MANDATORY);
    expect(brk[3]).toBe(BREAK_MANDATORY);
  });

  test('the same text is broken once and served from the cache', () => {
    expect(breakOpportunities('缓存测试文字')).toBe(breakOpportunities('缓存测试文字'));
  });

  const alphabet = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'.slice(0, 60)];
  const punct = [...'，。、；：？！）》」』”’…—～·%‰℃（《「『“‘'];
  const other = [...'0123456789abcXYZ '];
  const textArb = fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...alphabet) }, { weight: 3, arbitrary: fc.constantFrom(...punct) }, { weight: 2, arbitrary: fc.constantFrom(...other) }, { weight: 1, arbitrary: fc.constantFrom('𠀀', '𪚥') }), { minLength: 1, maxLength: 80 })
    .map((a) => a.join(''));

  test('property: never a break before a no-start mark or after a no-end mark, inside digits, a surrogate pair, —— or ……', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const brk = breakOpportunities(text);
        for (let i = 1; i < text.length; i++) {
          if (!brk[i]) continue;
          const prev = text[i - 1];
          const next = text[i];
          if (NO_START.includes(next) || NO_END.includes(prev)) return false;
          if (/[0-9]/.test(prev) && next !== ' ') return false;
          if (/[\udc00-\udfff]/.test(next)) return false;
        }
        return true;
      }),
      fuzzParams(2000),
    );
  });
});

describe('an opening mark followed by spaces', () => {
  test.each([
    ['我我“ 我', [3, 4]],
    ['文（  文', [2, 3, 4]],
    ['甲《 乙', [2, 3]],
  ])('never ends a line (spaces are trimmed from the line end): %s', (text, after) => {
    const brk = breakOpportunities(text);
    for (const i of after) expect([i, brk[i]]).toEqual([i, 0]);
  });
});
