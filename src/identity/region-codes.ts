/**
 * Administrative division codes (GB/T 2260) as they appear in the first six digits of a resident ID number.
 *
 * What this table holds, and why it is enough:
 * - **Province level: complete.** All 31 mainland provinces, autonomous regions and municipalities, plus
 *   71 Taiwan, 81 Hong Kong, 82 Macau and 83 (the residence permits for Hong Kong, Macau and Taiwan
 *   residents use 810000 / 820000 / 830000).
 * - **Prefecture level: a reasonable subset** — every provincial capital and the larger cities (about fifty
 *   codes), used to name the region in outputs. GB/T 2260 changes every year and ID numbers keep the code of
 *   the year they were issued, so a validator must not reject a county code merely because this year's list
 *   no longer has it. An unknown prefecture inside a known province is therefore accepted and named by its
 *   province only; an unknown province is refused (`ID_REGION_UNKNOWN`).
 */
export const PROVINCES: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  '11': { zh: '北京市', en: 'Beijing' },
  '12': { zh: '天津市', en: 'Tianjin' },
  '13': { zh: '河北省', en: 'Hebei' },
  '14': { zh: '山西省', en: 'Shanxi' },
  '15': { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  '21': { zh: '辽宁省', en: 'Liaoning' },
  '22': { zh: '吉林省', en: 'Jilin' },
  '23': { zh: '黑龙江省', en: 'Heilongjiang' },
  '31': { zh: '上海市', en: 'Shanghai' },
  '32': { zh: '江苏省', en: 'Jiangsu' },
  '33': { zh: '浙江省', en: 'Zhejiang' },
  '34': { zh: '安徽省', en: 'Anhui' },
  '35': { zh: '福建省', en: 'Fujian' },
  '36': { zh: '江西省', en: 'Jiangxi' },
  '37': { zh: '山东省', en: 'Shandong' },
  '41': { zh: '河南省', en: 'Henan' },
  '42': { zh: '湖北省', en: 'Hubei' },
  '43': { zh: '湖南省', en: 'Hunan' },
  '44': { zh: '广东省', en: 'Guangdong' },
  '45': { zh: '广西壮族自治区', en: 'Guangxi' },
  '46': { zh: '海南省', en: 'Hainan' },
  '50': { zh: '重庆市', en: 'Chongqing' },
  '51': { zh: '四川省', en: 'Sichuan' },
  '52': { zh: '贵州省', en: 'Guizhou' },
  '53': { zh: '云南省', en: 'Yunnan' },
  '54': { zh: '西藏自治区', en: 'Tibet' },
  '61': { zh: '陕西省', en: 'Shaanxi' },
  '62': { zh: '甘肃省', en: 'Gansu' },
  '63': { zh: '青海省', en: 'Qinghai' },
  '64': { zh: '宁夏回族自治区', en: 'Ningxia' },
  '65': { zh: '新疆维吾尔自治区', en: 'Xinjiang' },
  '71': { zh: '台湾省', en: 'Taiwan' },
  '81': { zh: '香港特别行政区', en: 'Hong Kong' },
  '82': { zh: '澳门特别行政区', en: 'Macau' },
  '83': { zh: '台湾居民居住证', en: 'Taiwan residents (residence permit)' },
};

/** Province codes whose ID numbers (residence permits) carry `0000` after the province. */
const PERMIT_PROVINCES: ReadonlySet<string> = new Set(['81', '82', '83']);

/** Prefecture-level cities (first four digits): provincial capitals and larger cities. */
export const PREFECTURES: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  '1101': { zh: '北京市', en: 'Beijing' },
  '1201': { zh: '天津市', en: 'Tianjin' },
  '1301': { zh: '石家庄市', en: 'Shijiazhuang' },
  '1302': { zh: '唐山市', en: 'Tangshan' },
  '1306': { zh: '保定市', en: 'Baoding' },
  '1401': { zh: '太原市', en: 'Taiyuan' },
  '1501': { zh: '呼和浩特市', en: 'Hohhot' },
  '1502': { zh: '包头市', en: 'Baotou' },
  '2101': { zh: '沈阳市', en: 'Shenyang' },
  '2102': { zh: '大连市', en: 'Dalian' },
  '2201': { zh: '长春市', en: 'Changchun' },
  '2301': { zh: '哈尔滨市', en: 'Harbin' },
  '3101': { zh: '上海市', en: 'Shanghai' },
  '3201': { zh: '南京市', en: 'Nanjing' },
  '3202': { zh: '无锡市', en: 'Wuxi' },
  '3205': { zh: '苏州市', en: 'Suzhou' },
  '3301': { zh: '杭州市', en: 'Hangzhou' },
  '3302': { zh: '宁波市', en: 'Ningbo' },
  '3303': { zh: '温州市', en: 'Wenzhou' },
  '3401': { zh: '合肥市', en: 'Hefei' },
  '3501': { zh: '福州市', en: 'Fuzhou' },
  '3502': { zh: '厦门市', en: 'Xiamen' },
  '3505': { zh: '泉州市', en: 'Quanzhou' },
  '3601': { zh: '南昌市', en: 'Nanchang' },
  '3701': { zh: '济南市', en: 'Jinan' },
  '3702': { zh: '青岛市', en: 'Qingdao' },
  '3706': { zh: '烟台市', en: 'Yantai' },
  '4101': { zh: '郑州市', en: 'Zhengzhou' },
  '4103': { zh: '洛阳市', en: 'Luoyang' },
  '4201': { zh: '武汉市', en: 'Wuhan' },
  '4301': { zh: '长沙市', en: 'Changsha' },
  '4401': { zh: '广州市', en: 'Guangzhou' },
  '4403': { zh: '深圳市', en: 'Shenzhen' },
  '4404': { zh: '珠海市', en: 'Zhuhai' },
  '4406': { zh: '佛山市', en: 'Foshan' },
  '4419': { zh: '东莞市', en: 'Dongguan' },
  '4420': { zh: '中山市', en: 'Zhongshan' },
  '4501': { zh: '南宁市', en: 'Nanning' },
  '4502': { zh: '柳州市', en: 'Liuzhou' },
  '4601': { zh: '海口市', en: 'Haikou' },
  '4602': { zh: '三亚市', en: 'Sanya' },
  '5001': { zh: '重庆市', en: 'Chongqing' },
  '5101': { zh: '成都市', en: 'Chengdu' },
  '5107': { zh: '绵阳市', en: 'Mianyang' },
  '5201': { zh: '贵阳市', en: 'Guiyang' },
  '5301': { zh: '昆明市', en: 'Kunming' },
  '5401': { zh: '拉萨市', en: 'Lhasa' },
  '6101': { zh: '西安市', en: "Xi'an" },
  '6201': { zh: '兰州市', en: 'Lanzhou' },
  '6301': { zh: '西宁市', en: 'Xining' },
  '6401': { zh: '银川市', en: 'Yinchuan' },
  '6501': { zh: '乌鲁木齐市', en: 'Urumqi' },
};

export interface RegionInfo {
  readonly code: string;
  readonly province: { readonly zh: string; readonly en: string };
  /** The prefecture-level city, when it is in the (partial) prefecture table. */
  readonly prefecture: { readonly zh: string; readonly en: string } | null;
}

/**
 * Looks up the six-digit region code of an ID number. `null` when the province is unknown or the code is
 * not shaped like a county-level code (a county code never ends in `0000` on the mainland; permits do).
 */
export function lookupRegion(code: string): RegionInfo | null {
  if (!/^\d{6}$/.test(code)) return null;
  const provinceCode = code.slice(0, 2);
  const province = PROVINCES[provinceCode];
  if (!province) return null;
  const rest = code.slice(2);
  if (PERMIT_PROVINCES.has(provinceCode)) {
    if (rest !== '0000') return null;
  } else if (rest === '0000') {
    return null;
  }
  return { code, province, prefecture: PREFECTURES[code.slice(0, 4)] ?? null };
}
