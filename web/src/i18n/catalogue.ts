import type { glossaryZh } from './glossary.zh-CN.ts';
import type { zhCN } from './zh-CN.ts';

/** The shape every language's catalogue has: the Chinese one's keys, each a string. */
type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export type Catalogue = Strings<typeof zhCN>;
export type Glossary = Strings<typeof glossaryZh>;
