/**
 * Generated from the server's /openapi.json by `npm run gen:api` (web/scripts/gen-api.ts). Do not edit:
 * change the route schemas and regenerate; test/web/api-schema.test.ts fails when this file is stale.
 */

export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process is up. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
              version: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the database answers and its migrations are current. */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The review queue (or any listing), highest priority first.
     * @description Roles: admin, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description A reviewer key id, or "me". */
          assignee?: string;
          category?: 'identity' | 'data_error' | 'repaid_debt' | 'system_fault' | 'other';
          /** @description A customer id (cus_…). */
          customerId?: string;
          limit?: string;
          /** @description Comma-separated statuses; default the open ones. */
          status?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              appeals: {
                /**
                 * @description What the customer stands to gain, in yuan.
                 * @example 1234.56
                 */
                amountAtStake: string;
                /**
                 * @description What the customer stands to gain, in integer fen.
                 * @example 800000
                 */
                amountAtStakeFen: string;
                /** @description A appeal id (apl_…). */
                appealId: string;
                assignee: {
                  id: string;
                  /** @enum {string} */
                  kind: 'customer' | 'reviewer' | 'system';
                  name: string;
                  /** @description The app key a customer acted through. */
                  via?: string;
                } | null;
                /** @enum {string} */
                category: 'identity' | 'data_error' | 'repaid_debt' | 'system_fault' | 'other';
                /** @description A customer id (cus_…). */
                customerId: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                filedAt: string;
                priority: number;
                productCode: string;
                proposal: {
                  /**
                   * @description The proposed APR, a decimal fraction ("0.1095").
                   * @example 0.1825
                   */
                  apr: string;
                  /**
                   * @description The proposed limit, in yuan ("60000.00").
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The proposed limit, in integer fen ("6000000").
                   * @example 800000
                   */
                  limitFen: string;
                  maker: {
                    id: string;
                    /** @enum {string} */
                    kind: 'customer' | 'reviewer' | 'system';
                    name: string;
                    /** @description The app key a customer acted through. */
                    via?: string;
                  };
                  /** @description The maker’s note (identifiers masked). */
                  note: string;
                  proposedAt: string;
                  reviewId: string;
                } | null;
                recheckVerdict: ('better' | 'same' | 'worse' | 'mixed') | null;
                resolution: ('overturned_by_recheck' | 'overturned' | 'upheld') | null;
                slaBreached: boolean;
                slaDueAt: string | null;
                slaDueDate: string | null;
                /** @enum {string} */
                status: 'filed' | 'queued' | 'in_review' | 'pending_approval' | 'resolved' | 'withdrawn';
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The appeal as the customer sees it: status and outcome in zh-CN and en.
     * @description Roles: admin, app.
     */
    get: {
      parameters: {
        query: {
          /** @description A customer id (cus_…). */
          customerId: string;
        };
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A appeal id (apl_…). */
              appealId: string;
              category: string;
              categoryText: {
                en: string;
                zh: string;
              };
              /** @description A customer id (cus_…). */
              customerId: string;
              /** @description A decision id (dec_…). */
              decisionId: string;
              evidenceIds: string[];
              filedAt: string;
              granted: {
                /**
                 * @description The APR granted, a decimal fraction ("0.1095").
                 * @example 0.1825
                 */
                apr: string;
                decisionId: string;
                /**
                 * @description The limit granted, in yuan ("60000.00").
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit granted, in integer fen ("6000000").
                 * @example 800000
                 */
                limitFen: string;
              } | null;
              message: {
                en: string;
                zh: string;
              } | null;
              reasons: {
                code: string;
                text: {
                  en: string;
                  zh: string;
                };
              }[];
              resolution: string | null;
              resolvedAt: string | null;
              slaDueDate: string | null;
              /** @enum {string} */
              status: 'filed' | 'queued' | 'in_review' | 'pending_approval' | 'resolved' | 'withdrawn';
              statusText: {
                en: string;
                zh: string;
              };
              withdrawnAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve another reviewer’s overturn (maker-checker).
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The appeal after the action. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Assign the appeal to a reviewer (admins may take it from another reviewer).
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reviewerKeyId: string;
          };
        };
      };
      responses: {
        /** @description The appeal after the action. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/case': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The case file: the appeal, the original decision with its facts, trace and reasons, the re-check and the diff, the evidence, the customer’s history (PII masked).
     * @description Roles: admin, reviewer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The case file. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The appeal as staff see it (PII masked). */
              appeal: {
                [key: string]: unknown;
              };
              /** @description The customer, PII masked. */
              customer: {
                [key: string]: unknown;
              };
              diff: {
                [key: string]: unknown;
              } | null;
              evidence: {
                /** @description A customer id (cus_…). */
                customerId: string;
                /** @description A evidence id (evd_…). */
                evidenceId: string;
                /** @enum {string} */
                mediaType: 'image/jpeg' | 'image/png' | 'application/pdf';
                sha256: string;
                sizeBytes: number;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                uploadedAt: string;
              }[];
              /** @description The customer’s decisions, appeals, loans, facilities and snapshot. */
              history: {
                appeals: {
                  [key: string]: unknown;
                }[];
                decisions: {
                  apr: string | null;
                  arm: string | null;
                  /** @description A customer id (cus_…). */
                  customerId: string;
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  decidedAt: string;
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  kind: string;
                  /**
                   * @description The limit in yuan; 0.00 when declined or referred.
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The limit in integer fen.
                   * @example 800000
                   */
                  limitFen: string;
                  linkedTo: string | null;
                  modelVersion: string | null;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  policyVersion: string | null;
                  product: string;
                  /** @description The principal reasons, in rank order. */
                  reasonCodes: string[];
                  requestedAmount: string | null;
                  requestedAmountFen: string | null;
                  score: number | null;
                }[];
                facilities: {
                  [key: string]: unknown;
                }[];
                loans: {
                  [key: string]: unknown;
                }[];
                snapshot: {
                  [key: string]: unknown;
                } | null;
              };
              original: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              };
              override: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              } | null;
              priority: number;
              recheck: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              } | null;
              slaBreached: boolean;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take the appeal (one reviewer at a time).
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The appeal after the action. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a comment to the appeal’s record.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
          };
        };
      };
      responses: {
        /** @description The appeal after the action. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Uphold (with reasons the customer will read) or overturn (a limit and price within your authority; above the threshold a second reviewer must approve).
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description The overriding annual rate ("0.146").
             * @example 0.1825
             */
            apr?: string;
            /**
             * @description The overriding limit in yuan ("8000.00").
             * @example 1234.56
             */
            limit?: string;
            message?: {
              en: string;
              zh: string;
            };
            note?: string;
            /** @enum {string} */
            outcome: 'uphold' | 'overturn';
            reasons?: {
              /** @enum {string} */
              code:
                | 'ORIGINAL_REASONS_STAND'
                | 'EVIDENCE_INSUFFICIENT'
                | 'RECORD_CONFIRMED_BY_SOURCE'
                | 'DEBT_STILL_OVERDUE'
                | 'IDENTITY_NOT_VERIFIED';
              params?: {
                [key: string]: unknown;
              };
            }[];
          };
        };
      };
      responses: {
        /** @description The appeal after the action. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/evidence/{evidenceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One evidence file of the appeal, as uploaded (with its SHA-256 in ETag).
     * @description Roles: admin, reviewer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A evidence id (evd_…). */
          evidenceId: string;
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The appeal’s audit trail (append-only): every action with actor, time, status before and after, what changed; and its notifications.
     * @description Roles: admin, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              appealId: string;
              events: {
                [key: string]: unknown;
              }[];
              notifications: {
                [key: string]: unknown;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send another reviewer’s overturn back to them, saying why.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
          };
        };
      };
      responses: {
        /** @description The appeal after the action. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Give the appeal back to the queue.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The appeal after the action. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The customer withdraws the appeal (while it is open).
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A customer id (cus_…). */
            customerId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A appeal id (apl_…). */
              appealId: string;
              category: string;
              categoryText: {
                en: string;
                zh: string;
              };
              /** @description A customer id (cus_…). */
              customerId: string;
              /** @description A decision id (dec_…). */
              decisionId: string;
              evidenceIds: string[];
              filedAt: string;
              granted: {
                /**
                 * @description The APR granted, a decimal fraction ("0.1095").
                 * @example 0.1825
                 */
                apr: string;
                decisionId: string;
                /**
                 * @description The limit granted, in yuan ("60000.00").
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit granted, in integer fen ("6000000").
                 * @example 800000
                 */
                limitFen: string;
              } | null;
              message: {
                en: string;
                zh: string;
              } | null;
              reasons: {
                code: string;
                text: {
                  en: string;
                  zh: string;
                };
              }[];
              resolution: string | null;
              resolvedAt: string | null;
              slaDueDate: string | null;
              /** @enum {string} */
              status: 'filed' | 'queued' | 'in_review' | 'pending_approval' | 'resolved' | 'withdrawn';
              statusText: {
                en: string;
                zh: string;
              };
              withdrawnAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/claim-next': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take the queued appeal with the highest priority.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              appeal: {
                [key: string]: unknown;
              } | null;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload an evidence file for a customer (the raw file as the body).
     * @description Content-Type one of image/jpeg, image/png, application/pdf; the content must match it (magic bytes are checked); at most 5242880 bytes. Stored with its SHA-256 in the database; the same file twice gives the same evidence id (200).
     *
     *     Roles: admin, app.
     */
    post: {
      parameters: {
        query: {
          /** @description A customer id (cus_…). */
          customerId: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The same file was uploaded before. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A customer id (cus_…). */
              customerId: string;
              /** @description A evidence id (evd_…). */
              evidenceId: string;
              /** @enum {string} */
              mediaType: 'image/jpeg' | 'image/png' | 'application/pdf';
              sha256: string;
              sizeBytes: number;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              uploadedAt: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A customer id (cus_…). */
              customerId: string;
              /** @description A evidence id (evd_…). */
              evidenceId: string;
              /** @enum {string} */
              mediaType: 'image/jpeg' | 'image/png' | 'application/pdf';
              sha256: string;
              sizeBytes: number;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              uploadedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/recover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run the recovery pass now (admin): due re-checks, undelivered notifications, SLA breaches not yet recorded.
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description What the pass did. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Appeal figures: by status, category and outcome, overturn rate, re-check share, SLA breaches, median time to resolution.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description First filing date (inclusive).
           * @example 2026-11-22
           */
          from?: string;
          /**
           * @description Last filing date (inclusive).
           * @example 2026-11-22
           */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Counts and rates. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/uphold-reasons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The reasons a reviewer may give for upholding a decision, with the parameters each needs.
     * @description Give one to four. `fen` parameters are integer fen as a string ("200000" is ¥2,000.00); `level` parameters a verification level 0–3; `source` one of the options.
     *
     *     Roles: admin, reviewer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {number} */
              maxReasons: 4;
              /** @enum {number} */
              minReasons: 1;
              reasons: {
                /** @enum {string} */
                code:
                  | 'ORIGINAL_REASONS_STAND'
                  | 'EVIDENCE_INSUFFICIENT'
                  | 'RECORD_CONFIRMED_BY_SOURCE'
                  | 'DEBT_STILL_OVERDUE'
                  | 'IDENTITY_NOT_VERIFIED';
                params: (
                  | {
                      /** @enum {string} */
                      kind: 'source';
                      name: string;
                      options: {
                        code: string;
                        text: {
                          en: string;
                          zh: string;
                        };
                      }[];
                    }
                  | {
                      /** @enum {string} */
                      kind: 'fen';
                      name: string;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'level';
                      /** @enum {number} */
                      max: 3;
                      /** @enum {number} */
                      min: 0;
                      name: string;
                    }
                )[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/appeals/uphold-reasons/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What the customer will read if the appeal is upheld with these reasons (zh and en); nothing is written.
     * @description The same checks as POST /v1/appeals/{id}/decision: a bad parameter is refused (422) naming reasons[i].params.<name> and the rule.
     *
     *     Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            message?: {
              en: string;
              zh: string;
            };
            reasons: {
              /** @enum {string} */
              code:
                | 'ORIGINAL_REASONS_STAND'
                | 'EVIDENCE_INSUFFICIENT'
                | 'RECORD_CONFIRMED_BY_SOURCE'
                | 'DEBT_STILL_OVERDUE'
                | 'IDENTITY_NOT_VERIFIED';
              params?: {
                [key: string]: unknown;
              };
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              message: {
                en: string;
                zh: string;
              } | null;
              reasons: {
                code: string;
                params: {
                  [key: string]: string | number;
                };
                text: {
                  en: string;
                  zh: string;
                };
              }[];
              statusText: {
                en: string;
                zh: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/approvals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Four-eyes changes (policy versions, model activations, lending settings), newest first.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          kind?: 'policy' | 'model' | 'settings';
          /** @description 1–500, default 100. */
          limit?: string;
          status?: 'pending' | 'approved' | 'rejected' | 'superseded';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/approvals/{changeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One four-eyes change, with what it applies.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A changeRequest id (chg_…). */
          changeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              };
              /** @description What approval applies. */
              payload: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/approvals/{changeId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a change: it takes effect (a policy from its date, a model at once, a setting from its date).
     * @description By a person other than the requester (names compared as people: case, width and spacing do not make another person): 403 `maker-checker` otherwise. A decided change is final: 409. 422 when it can no longer apply (its date passed).
     *
     *     Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A changeRequest id (chg_…). */
          changeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/approvals/{changeId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a change: nothing is applied.
     * @description By a person other than the requester (names compared as people: case, width and spacing do not make another person): 403 `maker-checker` otherwise. A decided change is final: 409. 422 when it can no longer apply (its date passed).
     *
     *     Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A changeRequest id (chg_…). */
          changeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log, newest first: sign-ins, sign-outs, user and API key changes, approvals, overrides.
     * @description Roles: admin.
     */
    get: {
      parameters: {
        query?: {
          /** @description An action ("staff.sign-in") or every action under a prefix ("staff.*"). */
          action?: string;
          /** @description An actor's id or name. */
          actor?: string;
          /** @description The `next` of the previous page. */
          before?: string;
          /** @description Recorded at or after this instant. */
          from?: string;
          /** @description 1–500, default 50. */
          limit?: string;
          /** @description Recorded before this instant. */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description Dotted: staff.sign-in, staff-user.create, api-key.revoke, policy.approve, … */
                action: string;
                actor: {
                  id: string;
                  /** @enum {string} */
                  kind: 'staff' | 'key' | 'system' | 'customer';
                  name: string;
                };
                /** Format: date-time */
                at: string;
                /** @description What else the entry says (never a secret). */
                details: {
                  [key: string]: unknown;
                };
                id: string;
                /** @enum {string} */
                outcome: 'ok' | 'refused' | 'failed';
                subject: {
                  id: string;
                  type: string;
                };
              }[];
              /** @description The `before` of the next page. */
              next: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/blocklist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The lender's blocklist, newest first: the entries in force, or every one with all=true.
     * @description Roles: admin.
     */
    get: {
      parameters: {
        query?: {
          all?: 'true' | 'false';
          limit?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entries: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                addedAt: string;
                addedBy: string;
                /** @description A blocklistEntry id (blk_…). */
                id: string;
                /** @enum {string} */
                kind: 'id_number' | 'phone' | 'card';
                /** @description The identifier masked (never in clear). */
                masked: string;
                reason: string;
                removedAt: string | null;
                removedBy: string | null;
                removedReason: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * List an ID number, phone or card number on the blocklist, with a reason (201; 200 when it is listed already). Stored as its blind index and a masked form; decisions of any customer carrying it are declined (BLOCKLISTED).
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'id_number' | 'phone' | 'card';
            reason: string;
            value: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entry: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                addedAt: string;
                addedBy: string;
                /** @description A blocklistEntry id (blk_…). */
                id: string;
                /** @enum {string} */
                kind: 'id_number' | 'phone' | 'card';
                /** @description The identifier masked (never in clear). */
                masked: string;
                reason: string;
                removedAt: string | null;
                removedBy: string | null;
                removedReason: string | null;
              };
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entry: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                addedAt: string;
                addedBy: string;
                /** @description A blocklistEntry id (blk_…). */
                id: string;
                /** @enum {string} */
                kind: 'id_number' | 'phone' | 'card';
                /** @description The identifier masked (never in clear). */
                masked: string;
                reason: string;
                removedAt: string | null;
                removedBy: string | null;
                removedReason: string | null;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/blocklist/{id}/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Remove a blocklist entry, with a reason (the entry is kept, with who removed it, when and why).
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A blocklistEntry id (blk_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entry: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                addedAt: string;
                addedBy: string;
                /** @description A blocklistEntry id (blk_…). */
                id: string;
                /** @enum {string} */
                kind: 'id_number' | 'phone' | 'card';
                /** @description The identifier masked (never in clear). */
                masked: string;
                reason: string;
                removedAt: string | null;
                removedBy: string | null;
                removedReason: string | null;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a customer and verify the identity (idempotent on externalId).
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            consents?: ('credit_bureau' | 'bank_transactions' | 'social_insurance')[];
            externalId: string;
            /** @description 18-character resident ID (15-digit legacy numbers are upgraded). */
            idNumber: string;
            name: string;
            /** @description Mainland mobile; +86, spaces and dashes allowed. */
            phone: string;
            profile?: {
              /** @enum {string} */
              education?: 'below_high_school' | 'high_school' | 'college' | 'bachelor' | 'master_or_above';
              housingFund?: boolean;
              /** @enum {string} */
              incomeBand?: 'lt3k' | '3k_5k' | '5k_10k' | '10k_20k' | '20k_50k' | 'gt50k';
              occupation?: string;
              residenceCity?: string;
              socialInsurance?: boolean;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customer: {
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                birthDate: string;
                cards: {
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  addedAt: string;
                  /** @description A card id (crd_…). */
                  cardId: string;
                  /** @description Masked: **** 1234. */
                  cardNumber: string;
                  issuer: string | null;
                }[];
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                externalId: string;
                /** @description Masked: 110105********002X. */
                idNumber: string;
                /** @description Masked: the first character only. */
                name: string;
                /** @description Masked: 138****5678. */
                phone: string;
                regionCode: string;
                /** @enum {string} */
                sex: 'male' | 'female';
              };
              verification: {
                failures: (
                  | 'ID_FORMAT_INVALID'
                  | 'ID_REGION_UNKNOWN'
                  | 'ID_BIRTH_DATE_INVALID'
                  | 'ID_BIRTH_DATE_IN_FUTURE'
                  | 'ID_CHECKSUM_INVALID'
                  | 'NAME_EMPTY'
                  | 'NAME_TOO_SHORT'
                  | 'NAME_TOO_LONG'
                  | 'NAME_INVALID_CHARACTERS'
                  | 'PHONE_FORMAT_INVALID'
                  | 'CARD_FORMAT_INVALID'
                  | 'CARD_CHECKSUM_INVALID'
                  | 'ID_NAME_MISMATCH'
                  | 'PHONE_NOT_OWNED_BY_ID_HOLDER'
                  | 'CARD_NAME_MISMATCH'
                  | 'CARD_NOT_BOUND'
                  | 'PROVIDER_UNAVAILABLE'
                )[];
                /** @description L0 none, L1 ID+name, L2 +phone, L3 +bank card. */
                level: number;
                provider: string;
                verificationId: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                verifiedAt: string;
              };
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customer: {
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                birthDate: string;
                cards: {
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  addedAt: string;
                  /** @description A card id (crd_…). */
                  cardId: string;
                  /** @description Masked: **** 1234. */
                  cardNumber: string;
                  issuer: string | null;
                }[];
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                externalId: string;
                /** @description Masked: 110105********002X. */
                idNumber: string;
                /** @description Masked: the first character only. */
                name: string;
                /** @description Masked: 138****5678. */
                phone: string;
                regionCode: string;
                /** @enum {string} */
                sex: 'male' | 'female';
              };
              verification: {
                failures: (
                  | 'ID_FORMAT_INVALID'
                  | 'ID_REGION_UNKNOWN'
                  | 'ID_BIRTH_DATE_INVALID'
                  | 'ID_BIRTH_DATE_IN_FUTURE'
                  | 'ID_CHECKSUM_INVALID'
                  | 'NAME_EMPTY'
                  | 'NAME_TOO_SHORT'
                  | 'NAME_TOO_LONG'
                  | 'NAME_INVALID_CHARACTERS'
                  | 'PHONE_FORMAT_INVALID'
                  | 'CARD_FORMAT_INVALID'
                  | 'CARD_CHECKSUM_INVALID'
                  | 'ID_NAME_MISMATCH'
                  | 'PHONE_NOT_OWNED_BY_ID_HOLDER'
                  | 'CARD_NAME_MISMATCH'
                  | 'CARD_NOT_BOUND'
                  | 'PROVIDER_UNAVAILABLE'
                )[];
                /** @description L0 none, L1 ID+name, L2 +phone, L3 +bank card. */
                level: number;
                provider: string;
                verificationId: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                verifiedAt: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/facilities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's credit facilities: limit, used, available.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              facilities: {
                apr: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                available: string;
                customerId: string;
                decisionId: string;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The product code, as decisions and policies name it.
                 * @enum {string}
                 */
                product: 'cash_loan' | 'credit_line';
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                statusReason: string | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/facilities/{product}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Override a facility's terms by hand: names an approved decision of this customer and product, stays within the product's range and the legal cap, carries reasons; above the second-person threshold it waits for another person (202) — approve with …/overrides/{overrideId}/approve.
     * @description Roles: admin.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
          /** @description cash_loan or credit_line (the spellings cash-loan and credit-line are still accepted). */
          product: 'cash_loan' | 'credit_line' | 'cash-loan' | 'credit-line';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description A decimal fraction as a string: "0.1825" is 18.25%.
             * @example 0.1825
             */
            apr: string;
            /** @description A decision id (dec_…). */
            decisionId: string;
            /**
             * @description Amount in yuan as a decimal string, e.g. "1234.56".
             * @example 1234.56
             */
            limit: string;
            /** @description Why the terms are changed by hand. */
            reasons: {
              /** @enum {string} */
              code:
                | 'pricing-error'
                | 'limit-error'
                | 'complaint-resolution'
                | 'customer-hardship'
                | 'fraud-remediation'
                | 'regulatory'
                | 'other';
              note: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              change: 'opened' | 'adjusted' | 'unchanged' | 'pending';
              facility: {
                apr: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                available: string;
                customerId: string;
                decisionId: string;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The product code, as decisions and policies name it.
                 * @enum {string}
                 */
                product: 'cash_loan' | 'credit_line';
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                statusReason: string | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
                version: number;
              } | null;
              override: {
                apr: string;
                checker: {
                  keyId: string;
                  name: string;
                } | null;
                customerId: string;
                decidedAt: string | null;
                decisionId: string;
                decisionNote: string | null;
                facilityVersion: number | null;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                maker: {
                  keyId: string;
                  name: string;
                };
                needsSecondPerson: boolean;
                /** @enum {string} */
                product: 'cash_loan' | 'credit_line';
                proposedAt: string;
                reasons: {
                  code: string;
                  note: string;
                }[];
                /** @enum {string} */
                status: 'pending' | 'applied' | 'rejected';
              } | null;
              /** @description Always false; kept for callers of the earlier response. */
              replayed: boolean;
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              change: 'opened' | 'adjusted' | 'unchanged' | 'pending';
              facility: {
                apr: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                available: string;
                customerId: string;
                decisionId: string;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The product code, as decisions and policies name it.
                 * @enum {string}
                 */
                product: 'cash_loan' | 'credit_line';
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                statusReason: string | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
                version: number;
              } | null;
              override: {
                apr: string;
                checker: {
                  keyId: string;
                  name: string;
                } | null;
                customerId: string;
                decidedAt: string | null;
                decisionId: string;
                decisionNote: string | null;
                facilityVersion: number | null;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                maker: {
                  keyId: string;
                  name: string;
                };
                needsSecondPerson: boolean;
                /** @enum {string} */
                product: 'cash_loan' | 'credit_line';
                proposedAt: string;
                reasons: {
                  code: string;
                  note: string;
                }[];
                /** @enum {string} */
                status: 'pending' | 'applied' | 'rejected';
              } | null;
              /** @description Always false; kept for callers of the earlier response. */
              replayed: boolean;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/facilities/{product}/freeze': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Freeze a facility: no new drawing.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
          /** @description cash_loan or credit_line (the spellings cash-loan and credit-line are still accepted). */
          product: 'cash_loan' | 'credit_line' | 'cash-loan' | 'credit-line';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              facility: {
                apr: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                available: string;
                customerId: string;
                decisionId: string;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The product code, as decisions and policies name it.
                 * @enum {string}
                 */
                product: 'cash_loan' | 'credit_line';
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                statusReason: string | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
                version: number;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/facilities/{product}/overrides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A facility's overrides, newest first: pending, applied and rejected.
     * @description Roles: admin, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
          /** @description cash_loan or credit_line (the spellings cash-loan and credit-line are still accepted). */
          product: 'cash_loan' | 'credit_line' | 'cash-loan' | 'credit-line';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              overrides: {
                apr: string;
                checker: {
                  keyId: string;
                  name: string;
                } | null;
                customerId: string;
                decidedAt: string | null;
                decisionId: string;
                decisionNote: string | null;
                facilityVersion: number | null;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                maker: {
                  keyId: string;
                  name: string;
                };
                needsSecondPerson: boolean;
                /** @enum {string} */
                product: 'cash_loan' | 'credit_line';
                proposedAt: string;
                reasons: {
                  code: string;
                  note: string;
                }[];
                /** @enum {string} */
                status: 'pending' | 'applied' | 'rejected';
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/facilities/{product}/overrides/{overrideId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a pending override as the second person (another key under another name); it is checked again, then applied.
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
          /** @description A facilityOverride id (fov_…). */
          overrideId: string;
          /** @description cash_loan or credit_line (the spellings cash-loan and credit-line are still accepted). */
          product: 'cash_loan' | 'credit_line' | 'cash-loan' | 'credit-line';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              change: 'opened' | 'adjusted' | 'unchanged' | 'pending';
              facility: {
                apr: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                available: string;
                customerId: string;
                decisionId: string;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The product code, as decisions and policies name it.
                 * @enum {string}
                 */
                product: 'cash_loan' | 'credit_line';
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                statusReason: string | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
                version: number;
              } | null;
              override: {
                apr: string;
                checker: {
                  keyId: string;
                  name: string;
                } | null;
                customerId: string;
                decidedAt: string | null;
                decisionId: string;
                decisionNote: string | null;
                facilityVersion: number | null;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                maker: {
                  keyId: string;
                  name: string;
                };
                needsSecondPerson: boolean;
                /** @enum {string} */
                product: 'cash_loan' | 'credit_line';
                proposedAt: string;
                reasons: {
                  code: string;
                  note: string;
                }[];
                /** @enum {string} */
                status: 'pending' | 'applied' | 'rejected';
              } | null;
              /** @description Always false; kept for callers of the earlier response. */
              replayed: boolean;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/facilities/{product}/overrides/{overrideId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject (or, by its maker, withdraw) a pending override; the facility is unchanged.
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
          /** @description A facilityOverride id (fov_…). */
          overrideId: string;
          /** @description cash_loan or credit_line (the spellings cash-loan and credit-line are still accepted). */
          product: 'cash_loan' | 'credit_line' | 'cash-loan' | 'credit-line';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              override: {
                apr: string;
                checker: {
                  keyId: string;
                  name: string;
                } | null;
                customerId: string;
                decidedAt: string | null;
                decisionId: string;
                decisionNote: string | null;
                facilityVersion: number | null;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                maker: {
                  keyId: string;
                  name: string;
                };
                needsSecondPerson: boolean;
                /** @enum {string} */
                product: 'cash_loan' | 'credit_line';
                proposedAt: string;
                reasons: {
                  code: string;
                  note: string;
                }[];
                /** @enum {string} */
                status: 'pending' | 'applied' | 'rejected';
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/facilities/{product}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reactivate a frozen or suspended facility.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
          /** @description cash_loan or credit_line (the spellings cash-loan and credit-line are still accepted). */
          product: 'cash_loan' | 'credit_line' | 'cash-loan' | 'credit-line';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              facility: {
                apr: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                available: string;
                customerId: string;
                decisionId: string;
                id: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The product code, as decisions and policies name it.
                 * @enum {string}
                 */
                product: 'cash_loan' | 'credit_line';
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                statusReason: string | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
                version: number;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's credit lines.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              lines: {
                /** @description The last business date the line has been processed through. */
                asOf: string;
                balances: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  billedFees: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  billedInterest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  billedPrincipal: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  heldForCustomer: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  instalmentsNotYetBilled: string;
                  /**
                   * @description Everything owed less money held: what clears the line today.
                   * @example 1234.56
                   */
                  payoff: string;
                  /**
                   * @description All principal owed, revolving and converted: the limit in use.
                   * @example 1234.56
                   */
                  principalOwed: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  unbilledInterest: string;
                  /**
                   * @description Late fees charged in the cycle, billed on the next statement.
                   * @example 1234.56
                   */
                  unbilledLateFees: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  unbilledPrincipal: string;
                };
                /** @enum {string} */
                bucket: 'M0' | 'M1' | 'M2' | 'M3+';
                /** @description When the line was closed. */
                closedOn: string | null;
                customerId: string;
                /** @description The limit the customer asked for: reviews never set the limit above it until they lift it. */
                customerLimitCap: string | null;
                /** @description Interest a day on principal that bears it, a decimal fraction. */
                dailyRate: string;
                daysPastDue: number;
                due: {
                  /** @description Due on this day of the month after the statement. */
                  dayOfMonth?: number;
                  /** @description Due this many days after the statement date. */
                  daysAfterStatement?: number;
                };
                facility: {
                  /**
                   * @description limit + a running temporary limit − used; 0 unless active.
                   * @example 1234.56
                   */
                  available: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  limit: string;
                  /** @enum {string} */
                  status: 'active' | 'frozen' | 'suspended' | 'closed';
                  /** @description A temporary limit (临时额度) on top of the limit, while it runs. */
                  temporary: {
                    /**
                     * @description Extra credit on top of the limit.
                     * @example 1234.56
                     */
                    amount: string;
                    /** @description Its last day (inclusive). */
                    until: string;
                  } | null;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  used: string;
                };
                facilityId: string;
                id: string;
                /** @enum {string} */
                interestFrom: 'posting-date' | 'day-after-due';
                nextStatementDate: string;
                onTimeCycles: number;
                openedOn: string;
                openStatements: {
                  dueDate: string;
                  graceLost: boolean;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  minimumOutstanding: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  minimumPayment: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  owed: string;
                  seq: number;
                  settledOn: string | null;
                  statementDate: string;
                }[];
                plans: {
                  /** @description The rate of the offer accepted (annualised by IRR). */
                  aprByIrr: string;
                  billedPeriods: number;
                  cancelledOn: string | null;
                  createdOn: string;
                  /**
                   * @description The fee of each period still to bill.
                   * @example 1234.56
                   */
                  feePerPeriod: string;
                  feeRate: string;
                  /** @description Principal of each period: billed as billed, the rest as scheduled now. */
                  parts: string[];
                  planId: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principalNotYetBilled: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principalOwed: string;
                  /**
                   * @description Principal refunds took off the periods not yet billed.
                   * @example 1234.56
                   */
                  refunded: string;
                  /** @description The same rate of what is still to bill, as it stands now; null when nothing is. */
                  remainingAprByIrr: string | null;
                  source: {
                    purchaseId?: string;
                    statementSeq?: number;
                  };
                  /**
                   * @description cancelled: a refund of the converted purchase took every period not yet billed off the plan.
                   * @enum {string}
                   */
                  status: 'active' | 'cancelled' | 'settled';
                  term: number;
                }[];
                statementDay: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/loans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's loans.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              loans: {
                /** @description Contract rate, a decimal fraction. */
                apr: string;
                /** @description Annualised rate by IRR over the contract cash flows, fees included. */
                aprByIrr: string;
                /** @description The last business date the loan has been processed through. */
                asOf: string;
                /** @enum {string} */
                basis: 'monthly' | 'daily';
                /** @enum {string} */
                bucket: 'M0' | 'M1' | 'M2' | 'M3+';
                closedOn: string | null;
                customerId: string;
                daysPastDue: number;
                facilityId: string;
                id: string;
                instalments: {
                  daysPastDue: number;
                  dueDate: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  owed: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  paid: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  period: number;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  settledOn: string | null;
                  /** @enum {string} */
                  status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
                }[];
                /** @enum {string} */
                method: 'equal-installment' | 'equal-principal' | 'interest-first';
                nextDue: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  amount: string;
                  dueDate: string;
                } | null;
                outstanding: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  heldForCustomer: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  writtenOff: string;
                };
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                startDate: string;
                /** @enum {string} */
                status: 'active' | 'closed' | 'written_off';
                term: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                upfrontFee: string;
                writtenOffOn: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A short-lived session for one customer, for their browser or phone (/v1/me).
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Lifetime in seconds, 60–43,200 (12 h). */
            ttlSeconds?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A customer id (cus_…). */
              customerId: string;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              expiresAt: string;
              /** @description ses_… */
              sessionId: string;
              /** @description The bearer token (cs_…), shown once: send it as Authorization: Bearer. */
              token: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{customerId}/sessions/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End every live session of a customer (e.g. after a password change or a lost phone).
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          customerId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A customer id (cus_…). */
              customerId: string;
              revoked: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer, identifiers masked.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customer: {
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                birthDate: string;
                cards: {
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  addedAt: string;
                  /** @description A card id (crd_…). */
                  cardId: string;
                  /** @description Masked: **** 1234. */
                  cardNumber: string;
                  issuer: string | null;
                }[];
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                externalId: string;
                /** @description Masked: 110105********002X. */
                idNumber: string;
                /** @description Masked: the first character only. */
                name: string;
                /** @description Masked: 138****5678. */
                phone: string;
                regionCode: string;
                /** @enum {string} */
                sex: 'male' | 'female';
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Bind a bank card (16–19 digits, Luhn). Verify again to reach L3.
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            cardNumber: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              card: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                addedAt: string;
                /** @description A card id (crd_…). */
                cardId: string;
                /** @description Masked: **** 1234. */
                cardNumber: string;
                issuer: string | null;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/consents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Grant or withdraw consent to a data source, from now on.
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            dataSource: 'credit_bureau' | 'bank_transactions' | 'social_insurance';
            granted: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              consents: {
                /** @enum {string} */
                dataSource: 'credit_bureau' | 'bank_transactions' | 'social_insurance';
                granted: boolean;
                since: string | null;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/decisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's decisions, newest first.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description Only decisions older than this one. */
          before?: string;
          /** @description 1–500, default 50. */
          limit?: string;
        };
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              decisions: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                kind: string;
                /**
                 * @description The limit in yuan; 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen.
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                policyVersion: string | null;
                product: string;
                /** @description The principal reasons, in rank order. */
                reasonCodes: string[];
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/features': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The customer snapshot as of an instant: verification, features, risk holds, consents.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description RFC 3339 instant, or a date YYYY-MM-DD (end of that business day); default now. */
          asOf?: string;
        };
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              age: number;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              asOf: string;
              /**
               * @description A business date, YYYY-MM-DD (Asia/Shanghai).
               * @example 2026-11-22
               */
              asOfDate: string;
              /** @description On the lender's blocklist at the instant (ID number, phone or a bound card). */
              blocklisted: boolean;
              consents: {
                /** @enum {string} */
                dataSource: 'credit_bureau' | 'bank_transactions' | 'social_insurance';
                granted: boolean;
                since: string | null;
              }[];
              /** @description A customer id (cus_…). */
              customerId: string;
              /** @description For time-decaying counts: when each counted unit stops counting (see dateValueDropsTo). */
              decay: {
                [key: string]: string[];
              };
              features: {
                name: string;
                unit: string;
                /** @description Amounts (unit fen) as strings of integer fen; categories as strings; other units as numbers; null when unknown. */
                value: string | number | null;
              }[];
              holds: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                expiresAt: string;
                observed: number;
                /** @enum {string} */
                reasonCode:
                  | 'LIMIT_VIEW_VELOCITY'
                  | 'FAILED_LOGIN_VELOCITY'
                  | 'DEVICE_CHANGE_VELOCITY'
                  | 'LIMIT_VIEW_SPIKE';
                threshold: number;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                triggeredAt: string;
              }[];
              verification: {
                failures: (
                  | 'ID_FORMAT_INVALID'
                  | 'ID_REGION_UNKNOWN'
                  | 'ID_BIRTH_DATE_INVALID'
                  | 'ID_BIRTH_DATE_IN_FUTURE'
                  | 'ID_CHECKSUM_INVALID'
                  | 'NAME_EMPTY'
                  | 'NAME_TOO_SHORT'
                  | 'NAME_TOO_LONG'
                  | 'NAME_INVALID_CHARACTERS'
                  | 'PHONE_FORMAT_INVALID'
                  | 'CARD_FORMAT_INVALID'
                  | 'CARD_CHECKSUM_INVALID'
                  | 'ID_NAME_MISMATCH'
                  | 'PHONE_NOT_OWNED_BY_ID_HOLDER'
                  | 'CARD_NAME_MISMATCH'
                  | 'CARD_NOT_BOUND'
                  | 'PROVIDER_UNAVAILABLE'
                )[];
                level: number;
                provider: string | null;
                verifiedAt: string | null;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's messages (reminders, payments, overdue notices, statements), newest first, with delivery status.
     * @description Roles: admin, reviewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description The last id of the previous page. */
          before?: string;
          limit?: string;
        };
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              messages: {
                attempts: number;
                /** @enum {string} */
                channel: 'sms' | 'push' | 'email';
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                deliveredAt: string | null;
                failedAt: string | null;
                /** @description A notification id (ntf_…). */
                id: string;
                /** @enum {string} */
                kind:
                  | 'due_in_3_days'
                  | 'due_tomorrow'
                  | 'due_today'
                  | 'payment_received'
                  | 'overdue_day_1'
                  | 'overdue_day_7'
                  | 'overdue_day_30'
                  | 'statement_ready'
                  | 'limit_changed'
                  | 'plan_created'
                  | 'plan_changed'
                  | 'appeal_received'
                  | 'appeal_queued'
                  | 'appeal_resolved'
                  | 'appeal_withdrawn'
                  | 'referral_decided';
                lastError: string | null;
                /** @description When the next attempt is due (pending only): after a back-off, or 08:00 after quiet hours. */
                nextAttemptAt: string | null;
                /** @description With kind and subject, the de-duplication key (a due date, a statement). */
                occasion: string;
                /** @enum {string} */
                status: 'pending' | 'delivered' | 'failed';
                /** @description The account it is about: a loan, a line, a plan or a limit review. */
                subjectId: string;
                text: {
                  en: string;
                  'zh-CN': string;
                };
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/customers/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Verify the four elements (name, ID, phone, card) and record the level with any failure codes.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A customer id (cus_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              verification: {
                failures: (
                  | 'ID_FORMAT_INVALID'
                  | 'ID_REGION_UNKNOWN'
                  | 'ID_BIRTH_DATE_INVALID'
                  | 'ID_BIRTH_DATE_IN_FUTURE'
                  | 'ID_CHECKSUM_INVALID'
                  | 'NAME_EMPTY'
                  | 'NAME_TOO_SHORT'
                  | 'NAME_TOO_LONG'
                  | 'NAME_INVALID_CHARACTERS'
                  | 'PHONE_FORMAT_INVALID'
                  | 'CARD_FORMAT_INVALID'
                  | 'CARD_CHECKSUM_INVALID'
                  | 'ID_NAME_MISMATCH'
                  | 'PHONE_NOT_OWNED_BY_ID_HOLDER'
                  | 'CARD_NAME_MISMATCH'
                  | 'CARD_NOT_BOUND'
                  | 'PROVIDER_UNAVAILABLE'
                )[];
                /** @description L0 none, L1 ID+name, L2 +phone, L3 +bank card. */
                level: number;
                provider: string;
                verificationId: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                verifiedAt: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/decisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search decisions across customers (analysts), newest first, paged.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          arm?: 'champion' | 'challenger';
          /** @description The page after this decision (the previous answer’s next). */
          before?: string;
          /** @description Only this customer’s decisions. */
          customerId?: string;
          /**
           * @description Decided on or after this business date.
           * @example 2026-11-22
           */
          from?: string;
          kind?: 'application' | 'limit_review' | 'recheck' | 'override' | 'manual_review';
          /** @description 1–200, default 50. */
          limit?: string;
          outcome?: 'approved' | 'declined' | 'referred';
          /** @description A policy id (pol_…). */
          policyVersion?: string;
          product?: string;
          /** @description Only decisions with this principal reason code (MULTI_HEAD_BORROWING). */
          reason?: string;
          /**
           * @description Decided on or before this business date.
           * @example 2026-11-22
           */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              decisions: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                kind: string;
                /**
                 * @description The limit in yuan; 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen.
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                policyVersion: string | null;
                product: string;
                /** @description The principal reasons, in rank order. */
                reasonCodes: string[];
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
              }[];
              next: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Decide: limit and price, or the reasons and what to do about them.
     * @description Scores the customer with the active model, applies the policy in force for the product (champion or challenger), clamps the price to the legal cap, ranks the principal reasons and finds recourse; records everything and, on approval, opens or adjusts the facility in the same transaction. A dependency that fails gives `referred` with SYSTEM_UNAVAILABLE (still recorded); 503 when the decision cannot be recorded.
     *
     *     Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A customer id (cus_…). */
            customerId: string;
            /** @description cash_loan or credit_line. */
            product: string;
            /**
             * @description The amount asked for, in yuan ("5000.00").
             * @example 1234.56
             */
            requestedAmount?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              apr: string | null;
              arm: string | null;
              /** @description A customer id (cus_…). */
              customerId: string;
              dailyRate: string | null;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              decidedAt: string;
              decisionDate: string;
              /** @description A decision id (dec_…). */
              decisionId: string;
              /** @description Facts, scorecard row, policy document and output, rule trace. */
              evidence?: {
                facts: {
                  /** @description Whole years on the decision date. */
                  age: number;
                  /**
                   * Format: date-time
                   * @description The decision instant.
                   */
                  asOf: string;
                  /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                  asOfDate: string;
                  /** @description On the blocklist at the instant (absent in records made before it). */
                  blocklisted?: boolean;
                  /** @description A customer id (cus_…). */
                  customerId: string;
                  /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                  decay: {
                    [key: string]: number[];
                  };
                  facility: {
                    openedAt: string;
                    status: string;
                  } | null;
                  /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                  features: {
                    [key: string]: (number | string) | null;
                  };
                  /** @description Risk holds in force at the instant. */
                  holds: {
                    expiresAt: string;
                    reasonCode: string;
                  }[];
                  productCode: string;
                  requestedAmount: string | null;
                  terms: {
                    legalRateCaps: {
                      [key: string]: unknown;
                    }[];
                    products: {
                      [key: string]: unknown;
                    }[];
                    riskAppetite: {
                      [key: string]: unknown;
                    }[];
                  } | null;
                  verification: {
                    failures: string[];
                    level: number;
                    provider: string | null;
                  };
                } | null;
                modelHash: string | null;
                policyChecksum: string | null;
                policyDocument: {
                  [key: string]: unknown;
                } | null;
                policyOutput: {
                  [key: string]: unknown;
                } | null;
                scorecardRow: {
                  [key: string]: (number | string) | null;
                } | null;
                trace:
                  | {
                      /** @description Field path → value, for every field the node reads. */
                      inputs: {
                        [key: string]: unknown;
                      };
                      /** @enum {string} */
                      kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                      /** @description Matched row ids or selected statement ids. */
                      matched: string[];
                      nodeId: string;
                      nodeName: string;
                      /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                      output: unknown;
                    }[]
                  | null;
              };
              facilityChange: string | null;
              fault: {
                /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                code: string;
                /** @description What failed, in words safe to show staff. */
                message: string;
                /** @enum {string} */
                stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
              } | null;
              kind: string;
              legalCap: {
                /** @description Exact decimal. */
                annualRate: string;
                /** @description YYYY-MM-DD */
                effectiveFrom: string;
              } | null;
              /**
               * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
               * @example 1234.56
               */
              limit: string;
              /**
               * @description The limit in integer fen ("800000" is ¥8,000.00).
               * @example 800000
               */
              limitFen: string;
              linkedTo: string | null;
              modelVersion: string | null;
              /** @enum {string} */
              outcome: 'approved' | 'declined' | 'referred';
              overridden?: {
                /** @description A decision id (dec_…). */
                decisionId: string;
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
              } | null;
              override: {
                apr: string | null;
                /**
                 * @description The limit the person set, in integer fen.
                 * @example 800000
                 */
                limit: string;
                note: string;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                /** @description The decision it overrides. */
                overrides: string;
                /** @description A manual review’s reasons for the customer. */
                reasons?: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                reviewer: string;
              } | null;
              policyVersion: string | null;
              product: string;
              productType: string | null;
              /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
              reasons: {
                /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                code: string;
                /**
                 * @description knockout, limit, referral, system, score, or review (a person decided).
                 * @enum {string}
                 */
                kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                params: {
                  [key: string]:
                    | string
                    | number
                    | boolean
                    | null
                    | {
                        en: string;
                        zh: string;
                      };
                };
                text: {
                  en: string;
                  zh: string;
                };
              }[];
              recourse: {
                actions: {
                  byDate: string | null;
                  /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                  code: string;
                  /** @description How hard the step is, relative to the others. */
                  cost: number;
                  /** @description The policy input the action changes (onTimeCycles). */
                  feature: string;
                  /** @description Its value today. */
                  from: number | boolean;
                  /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                  /** @description Its value once the action is done. */
                  to: number | boolean;
                }[];
                goal:
                  | {
                      /** @enum {string} */
                      kind: 'approval';
                    }
                  | {
                      /**
                       * @description The amount asked for, in integer fen.
                       * @example 800000
                       */
                      amount: string;
                      /** @enum {string} */
                      kind: 'amount';
                    };
                reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                /**
                 * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                 * @enum {string}
                 */
                status: 'plan' | 'none' | 'not-needed';
                text: {
                  en: string;
                  zh: string;
                } | null;
                totalCost: number | null;
                verified: {
                  /**
                   * @description The limit on the plan’s values, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                } | null;
              } | null;
              requestedAmount: string | null;
              requestedAmountFen: string | null;
              score: number | null;
              subScores: {
                [key: string]: number;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/decisions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One decision; with `evidence=true`, its facts, scorecard row, policy document and rule trace.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: {
          evidence?: 'true' | 'false';
        };
        header?: never;
        path: {
          /** @description A decision id (dec_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              apr: string | null;
              arm: string | null;
              /** @description A customer id (cus_…). */
              customerId: string;
              dailyRate: string | null;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              decidedAt: string;
              decisionDate: string;
              /** @description A decision id (dec_…). */
              decisionId: string;
              /** @description Facts, scorecard row, policy document and output, rule trace. */
              evidence?: {
                facts: {
                  /** @description Whole years on the decision date. */
                  age: number;
                  /**
                   * Format: date-time
                   * @description The decision instant.
                   */
                  asOf: string;
                  /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                  asOfDate: string;
                  /** @description On the blocklist at the instant (absent in records made before it). */
                  blocklisted?: boolean;
                  /** @description A customer id (cus_…). */
                  customerId: string;
                  /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                  decay: {
                    [key: string]: number[];
                  };
                  facility: {
                    openedAt: string;
                    status: string;
                  } | null;
                  /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                  features: {
                    [key: string]: (number | string) | null;
                  };
                  /** @description Risk holds in force at the instant. */
                  holds: {
                    expiresAt: string;
                    reasonCode: string;
                  }[];
                  productCode: string;
                  requestedAmount: string | null;
                  terms: {
                    legalRateCaps: {
                      [key: string]: unknown;
                    }[];
                    products: {
                      [key: string]: unknown;
                    }[];
                    riskAppetite: {
                      [key: string]: unknown;
                    }[];
                  } | null;
                  verification: {
                    failures: string[];
                    level: number;
                    provider: string | null;
                  };
                } | null;
                modelHash: string | null;
                policyChecksum: string | null;
                policyDocument: {
                  [key: string]: unknown;
                } | null;
                policyOutput: {
                  [key: string]: unknown;
                } | null;
                scorecardRow: {
                  [key: string]: (number | string) | null;
                } | null;
                trace:
                  | {
                      /** @description Field path → value, for every field the node reads. */
                      inputs: {
                        [key: string]: unknown;
                      };
                      /** @enum {string} */
                      kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                      /** @description Matched row ids or selected statement ids. */
                      matched: string[];
                      nodeId: string;
                      nodeName: string;
                      /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                      output: unknown;
                    }[]
                  | null;
              };
              facilityChange: string | null;
              fault: {
                /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                code: string;
                /** @description What failed, in words safe to show staff. */
                message: string;
                /** @enum {string} */
                stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
              } | null;
              kind: string;
              legalCap: {
                /** @description Exact decimal. */
                annualRate: string;
                /** @description YYYY-MM-DD */
                effectiveFrom: string;
              } | null;
              /**
               * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
               * @example 1234.56
               */
              limit: string;
              /**
               * @description The limit in integer fen ("800000" is ¥8,000.00).
               * @example 800000
               */
              limitFen: string;
              linkedTo: string | null;
              modelVersion: string | null;
              /** @enum {string} */
              outcome: 'approved' | 'declined' | 'referred';
              overridden?: {
                /** @description A decision id (dec_…). */
                decisionId: string;
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
              } | null;
              override: {
                apr: string | null;
                /**
                 * @description The limit the person set, in integer fen.
                 * @example 800000
                 */
                limit: string;
                note: string;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                /** @description The decision it overrides. */
                overrides: string;
                /** @description A manual review’s reasons for the customer. */
                reasons?: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                reviewer: string;
              } | null;
              policyVersion: string | null;
              product: string;
              productType: string | null;
              /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
              reasons: {
                /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                code: string;
                /**
                 * @description knockout, limit, referral, system, score, or review (a person decided).
                 * @enum {string}
                 */
                kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                params: {
                  [key: string]:
                    | string
                    | number
                    | boolean
                    | null
                    | {
                        en: string;
                        zh: string;
                      };
                };
                text: {
                  en: string;
                  zh: string;
                };
              }[];
              recourse: {
                actions: {
                  byDate: string | null;
                  /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                  code: string;
                  /** @description How hard the step is, relative to the others. */
                  cost: number;
                  /** @description The policy input the action changes (onTimeCycles). */
                  feature: string;
                  /** @description Its value today. */
                  from: number | boolean;
                  /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                  /** @description Its value once the action is done. */
                  to: number | boolean;
                }[];
                goal:
                  | {
                      /** @enum {string} */
                      kind: 'approval';
                    }
                  | {
                      /**
                       * @description The amount asked for, in integer fen.
                       * @example 800000
                       */
                      amount: string;
                      /** @enum {string} */
                      kind: 'amount';
                    };
                reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                /**
                 * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                 * @enum {string}
                 */
                status: 'plan' | 'none' | 'not-needed';
                text: {
                  en: string;
                  zh: string;
                } | null;
                totalCost: number | null;
                verified: {
                  /**
                   * @description The limit on the plan’s values, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                } | null;
              } | null;
              requestedAmount: string | null;
              requestedAmountFen: string | null;
              score: number | null;
              subScores: {
                [key: string]: number;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/decisions/{id}/appeals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Appeal a decision, for the customer named in the body.
     * @description Files the appeal durably, then re-checks it at once: verification re-run, a new decision on current data, model and policy. If that is better for the customer (an approval, or a higher limit / lower price), the appeal is resolved in their favour; otherwise it joins the review queue with an SLA. 404 for an unknown decision or another customer’s (the same answer); 409 for a second open appeal; 422 after the appeal window.
     *
     *     Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A decision id (dec_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            category: 'identity' | 'data_error' | 'repaid_debt' | 'system_fault' | 'other';
            /** @description A customer id (cus_…). */
            customerId: string;
            /** @description Evidence ids from POST /v1/appeals/evidence. */
            evidence?: string[];
            /** @description What went wrong, in the customer’s words. */
            statement: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A appeal id (apl_…). */
              appealId: string;
              category: string;
              categoryText: {
                en: string;
                zh: string;
              };
              /** @description A customer id (cus_…). */
              customerId: string;
              /** @description A decision id (dec_…). */
              decisionId: string;
              evidenceIds: string[];
              filedAt: string;
              granted: {
                /**
                 * @description The APR granted, a decimal fraction ("0.1095").
                 * @example 0.1825
                 */
                apr: string;
                decisionId: string;
                /**
                 * @description The limit granted, in yuan ("60000.00").
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit granted, in integer fen ("6000000").
                 * @example 800000
                 */
                limitFen: string;
              } | null;
              message: {
                en: string;
                zh: string;
              } | null;
              reasons: {
                code: string;
                text: {
                  en: string;
                  zh: string;
                };
              }[];
              resolution: string | null;
              resolvedAt: string | null;
              slaDueDate: string | null;
              /** @enum {string} */
              status: 'filed' | 'queued' | 'in_review' | 'pending_approval' | 'resolved' | 'withdrawn';
              statusText: {
                en: string;
                zh: string;
              };
              withdrawnAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/decisions/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Recompute a decision from its stored facts with its stored model and policy versions.
     * @description Compares outcome, limit, price, score, policy document and output, the rule trace, reasons and recourse with what was recorded; `matches` is true only when all are identical.
     *
     *     Roles: admin, reviewer, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A decision id (dec_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              basis: string;
              /** @description A decision id (dec_…). */
              decisionId: string;
              differences: {
                /** @description outcome, limit, apr, score, policyOutput, trace, reasons, recourse, … */
                field: string;
                /** @description The value recomputed (any JSON). */
                recomputed: unknown;
                /** @description The value recorded (any JSON). */
                stored: unknown;
              }[];
              matches: boolean;
              modelVersion: string | null;
              outcome: {
                recomputed: string;
                stored: string;
              };
              policyVersion: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/demo/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Demo mode only: the nine demo customers to sign in as (404 otherwise). */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              customers: {
                /** @enum {string} */
                case:
                  | 'clean_approval'
                  | 'low_score'
                  | 'unverified_phone'
                  | 'thin_file'
                  | 'multi_head'
                  | 'abnormal_limit_checks'
                  | 'tightened_policy'
                  | 'new_user_first_limit'
                  | 'outage';
                /** @description A customer id (cus_…). */
                customerId: string;
                /** @description Masked: surname and asterisks. */
                displayName: string;
                /** @enum {string} */
                product: 'cash_loan' | 'credit_line';
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                shows: {
                  en: string;
                  'zh-CN': string;
                };
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                story: {
                  en: string;
                  'zh-CN': string;
                };
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/demo/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Demo mode only: sign in as one of the demo customers (404 otherwise, and for anyone else). */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A customer id (cus_…). */
            customerId: string;
            /** @description Lifetime in seconds, 60–43,200 (12 h). */
            ttlSeconds?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A customer id (cus_…). */
              customerId: string;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              expiresAt: string;
              /** @description ses_… */
              sessionId: string;
              /** @description The bearer token (cs_…), shown once: send it as Authorization: Bearer. */
              token: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Append a batch of customer events (idempotent by source and eventId).
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description Events {eventId, customerId, source, type, occurredAt, ...fields of the type}; types: profile, consent, payment, transfer, repayment, inquiry, loan_opened, loan_closed, credit_line, login, limit_view, device_change. Each row is validated on its own (see docs/customers.md), so one bad row does not refuse the batch: good rows are stored, bad ones come back in `rejected` with their index and reason. Amounts are decimal strings. */
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
          }[];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Rows stored now or already stored identically (idempotent replays). */
              accepted: number;
              /** @description Of the accepted rows, those that were already stored. */
              duplicates: number;
              rejected: {
                field: string;
                index: number;
                reason: string;
              }[];
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/features/definitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The feature catalogue with units, sources and recourse metadata.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              features: {
                description: {
                  en: string;
                  zh: string;
                };
                name: string;
                recourse: {
                  action: {
                    en: string;
                    zh: string;
                  } | null;
                  actionable: boolean;
                  cost: string;
                  decayCounts: string | null;
                  decayWindowHours: number | null;
                  direction: ('increase' | 'decrease') | null;
                  mutable: boolean;
                };
                source: string;
                unit: string;
                window: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List API keys (never the secrets).
     * @description Roles: admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              keys: {
                /** Format: date-time */
                createdAt: string;
                id: string;
                lastUsedAt: string | null;
                name: string;
                /** @description The first characters of the key, to tell keys apart. */
                prefix: string;
                revokedAt: string | null;
                /** @enum {string} */
                role: 'app' | 'reviewer' | 'analyst' | 'admin';
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API key; the secret is shown once, in this response.
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** @enum {string} */
            role: 'app' | 'reviewer' | 'analyst' | 'admin';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: {
                /** Format: date-time */
                createdAt: string;
                id: string;
                lastUsedAt: string | null;
                name: string;
                /** @description The first characters of the key, to tell keys apart. */
                prefix: string;
                revokedAt: string | null;
                /** @enum {string} */
                role: 'app' | 'reviewer' | 'analyst' | 'admin';
              };
              secret: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key.
     * @description Roles: admin.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A apiKey id (key_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              key: {
                /** Format: date-time */
                createdAt: string;
                id: string;
                lastUsedAt: string | null;
                name: string;
                /** @description The first characters of the key, to tell keys apart. */
                prefix: string;
                revokedAt: string | null;
                /** @enum {string} */
                role: 'app' | 'reviewer' | 'analyst' | 'admin';
              };
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lending-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Products, legal rate caps, risk appetite and policy assignments, with their dates.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Amounts in integer fen as strings, rates as decimal strings. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              assignments: {
                [key: string]: unknown;
              }[];
              legalRateCaps: {
                /** @description A fixed annual rate as a decimal string ("0.24"); or give lprMultiple. */
                annualRate?: string;
                /** @description Where the cap comes from, for the audit trail. */
                basis: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @description A multiple of the one-year LPR ("4"), resolved against the LPR in force on each day; or give annualRate. */
                lprMultiple?: string;
              }[];
              products: {
                [key: string]: unknown;
              }[];
              riskAppetite: {
                [key: string]: unknown;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Submit dated lending settings (the shape of policies/settings.json) for approval; existing future dates are replaced.
     * @description Four-eyes: checked now as on approval (422 naming each entry and rule), then pending (202) until a second person approves it at POST /v1/approvals/{changeId}/approve. On a fresh database (no setting yet) it is the bootstrap and loads at once (200).
     *
     *     Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            assignments?: {
              [key: string]: unknown;
            }[];
            description?: string;
            legalRateCaps?: {
              /** @description A fixed annual rate as a decimal string ("0.24"); or give lprMultiple. */
              annualRate?: string;
              /** @description Where the cap comes from, for the audit trail. */
              basis: string;
              /**
               * @description A business date, YYYY-MM-DD (Asia/Shanghai).
               * @example 2026-11-22
               */
              effectiveFrom: string;
              /** @description A multiple of the one-year LPR ("4"), resolved against the LPR in force on each day; or give annualRate. */
              lprMultiple?: string;
            }[];
            products?: {
              [key: string]: unknown;
            }[];
            riskAppetite?: {
              [key: string]: unknown;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              };
              loaded: {
                assignments: number;
                legalRateCaps: number;
                products: number;
                riskAppetite: number;
              };
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              };
              /** @description A changeRequest id (chg_…). */
              changeId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lending-settings/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit one dated setting — a product, the legal rate cap, the risk appetite or a champion/challenger assignment — for approval.
     * @description Four-eyes: checked now as on approval, applied from effectiveFrom (today or later) once a second person approves it. `setting` is the entry as in policies/settings.json without its date.
     *
     *     Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            /**
             * @description A business date, YYYY-MM-DD (Asia/Shanghai).
             * @example 2026-11-22
             */
            effectiveFrom: string;
            /** @enum {string} */
            kind: 'products' | 'legalRateCaps' | 'riskAppetite' | 'assignments';
            /** @description The entry, as in policies/settings.json, without effectiveFrom. */
            setting: {
              [key: string]: unknown;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              };
              /** @description A changeRequest id (chg_…). */
              changeId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Open the customer's credit line on their credit-line limit (the existing line if open).
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description A customer id (cus_…). */
            customerId: string;
            /** @description Day of the month. */
            statementDay?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The last business date the line has been processed through. */
              asOf: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              /** @enum {string} */
              bucket: 'M0' | 'M1' | 'M2' | 'M3+';
              /** @description When the line was closed. */
              closedOn: string | null;
              customerId: string;
              /** @description The limit the customer asked for: reviews never set the limit above it until they lift it. */
              customerLimitCap: string | null;
              /** @description Interest a day on principal that bears it, a decimal fraction. */
              dailyRate: string;
              daysPastDue: number;
              due: {
                /** @description Due on this day of the month after the statement. */
                dayOfMonth?: number;
                /** @description Due this many days after the statement date. */
                daysAfterStatement?: number;
              };
              facility: {
                /**
                 * @description limit + a running temporary limit − used; 0 unless active.
                 * @example 1234.56
                 */
                available: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                /** @description A temporary limit (临时额度) on top of the limit, while it runs. */
                temporary: {
                  /**
                   * @description Extra credit on top of the limit.
                   * @example 1234.56
                   */
                  amount: string;
                  /** @description Its last day (inclusive). */
                  until: string;
                } | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
              };
              facilityId: string;
              id: string;
              /** @enum {string} */
              interestFrom: 'posting-date' | 'day-after-due';
              nextStatementDate: string;
              onTimeCycles: number;
              openedOn: string;
              openStatements: {
                dueDate: string;
                graceLost: boolean;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumOutstanding: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumPayment: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                owed: string;
                seq: number;
                settledOn: string | null;
                statementDate: string;
              }[];
              plans: {
                /** @description The rate of the offer accepted (annualised by IRR). */
                aprByIrr: string;
                billedPeriods: number;
                cancelledOn: string | null;
                createdOn: string;
                /**
                 * @description The fee of each period still to bill.
                 * @example 1234.56
                 */
                feePerPeriod: string;
                feeRate: string;
                /** @description Principal of each period: billed as billed, the rest as scheduled now. */
                parts: string[];
                planId: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalNotYetBilled: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Principal refunds took off the periods not yet billed.
                 * @example 1234.56
                 */
                refunded: string;
                /** @description The same rate of what is still to bill, as it stands now; null when nothing is. */
                remainingAprByIrr: string | null;
                source: {
                  purchaseId?: string;
                  statementSeq?: number;
                };
                /**
                 * @description cancelled: a refund of the converted purchase took every period not yet billed off the plan.
                 * @enum {string}
                 */
                status: 'active' | 'cancelled' | 'settled';
                term: number;
              }[];
              statementDay: number;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The last business date the line has been processed through. */
              asOf: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              /** @enum {string} */
              bucket: 'M0' | 'M1' | 'M2' | 'M3+';
              /** @description When the line was closed. */
              closedOn: string | null;
              customerId: string;
              /** @description The limit the customer asked for: reviews never set the limit above it until they lift it. */
              customerLimitCap: string | null;
              /** @description Interest a day on principal that bears it, a decimal fraction. */
              dailyRate: string;
              daysPastDue: number;
              due: {
                /** @description Due on this day of the month after the statement. */
                dayOfMonth?: number;
                /** @description Due this many days after the statement date. */
                daysAfterStatement?: number;
              };
              facility: {
                /**
                 * @description limit + a running temporary limit − used; 0 unless active.
                 * @example 1234.56
                 */
                available: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                /** @description A temporary limit (临时额度) on top of the limit, while it runs. */
                temporary: {
                  /**
                   * @description Extra credit on top of the limit.
                   * @example 1234.56
                   */
                  amount: string;
                  /** @description Its last day (inclusive). */
                  until: string;
                } | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
              };
              facilityId: string;
              id: string;
              /** @enum {string} */
              interestFrom: 'posting-date' | 'day-after-due';
              nextStatementDate: string;
              onTimeCycles: number;
              openedOn: string;
              openStatements: {
                dueDate: string;
                graceLost: boolean;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumOutstanding: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumPayment: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                owed: string;
                seq: number;
                settledOn: string | null;
                statementDate: string;
              }[];
              plans: {
                /** @description The rate of the offer accepted (annualised by IRR). */
                aprByIrr: string;
                billedPeriods: number;
                cancelledOn: string | null;
                createdOn: string;
                /**
                 * @description The fee of each period still to bill.
                 * @example 1234.56
                 */
                feePerPeriod: string;
                feeRate: string;
                /** @description Principal of each period: billed as billed, the rest as scheduled now. */
                parts: string[];
                planId: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalNotYetBilled: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Principal refunds took off the periods not yet billed.
                 * @example 1234.56
                 */
                refunded: string;
                /** @description The same rate of what is still to bill, as it stands now; null when nothing is. */
                remainingAprByIrr: string | null;
                source: {
                  purchaseId?: string;
                  statementSeq?: number;
                };
                /**
                 * @description cancelled: a refund of the converted purchase took every period not yet billed off the plan.
                 * @enum {string}
                 */
                status: 'active' | 'cancelled' | 'settled';
                term: number;
              }[];
              statementDay: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A line: limit, what is owed, open statements, instalment plans, days past due.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The last business date the line has been processed through. */
              asOf: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              /** @enum {string} */
              bucket: 'M0' | 'M1' | 'M2' | 'M3+';
              /** @description When the line was closed. */
              closedOn: string | null;
              customerId: string;
              /** @description The limit the customer asked for: reviews never set the limit above it until they lift it. */
              customerLimitCap: string | null;
              /** @description Interest a day on principal that bears it, a decimal fraction. */
              dailyRate: string;
              daysPastDue: number;
              due: {
                /** @description Due on this day of the month after the statement. */
                dayOfMonth?: number;
                /** @description Due this many days after the statement date. */
                daysAfterStatement?: number;
              };
              facility: {
                /**
                 * @description limit + a running temporary limit − used; 0 unless active.
                 * @example 1234.56
                 */
                available: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                /** @description A temporary limit (临时额度) on top of the limit, while it runs. */
                temporary: {
                  /**
                   * @description Extra credit on top of the limit.
                   * @example 1234.56
                   */
                  amount: string;
                  /** @description Its last day (inclusive). */
                  until: string;
                } | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
              };
              facilityId: string;
              id: string;
              /** @enum {string} */
              interestFrom: 'posting-date' | 'day-after-due';
              nextStatementDate: string;
              onTimeCycles: number;
              openedOn: string;
              openStatements: {
                dueDate: string;
                graceLost: boolean;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumOutstanding: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumPayment: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                owed: string;
                seq: number;
                settledOn: string | null;
                statementDate: string;
              }[];
              plans: {
                /** @description The rate of the offer accepted (annualised by IRR). */
                aprByIrr: string;
                billedPeriods: number;
                cancelledOn: string | null;
                createdOn: string;
                /**
                 * @description The fee of each period still to bill.
                 * @example 1234.56
                 */
                feePerPeriod: string;
                feeRate: string;
                /** @description Principal of each period: billed as billed, the rest as scheduled now. */
                parts: string[];
                planId: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalNotYetBilled: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Principal refunds took off the periods not yet billed.
                 * @example 1234.56
                 */
                refunded: string;
                /** @description The same rate of what is still to bill, as it stands now; null when nothing is. */
                remainingAprByIrr: string | null;
                source: {
                  purchaseId?: string;
                  statementSeq?: number;
                };
                /**
                 * @description cancelled: a refund of the converted purchase took every period not yet billed off the plan.
                 * @enum {string}
                 */
                status: 'active' | 'cancelled' | 'settled';
                term: number;
              }[];
              statementDay: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The line's lifecycle changes (close, limits, temporary limits), oldest first.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              changes: {
                /** @description The figures of the change (amounts as yuan strings). */
                detail: {
                  [key: string]: unknown;
                };
                effectiveDate: string;
                /** @enum {string} */
                kind:
                  | 'close'
                  | 'customer-limit'
                  | 'customer-limit-lifted'
                  | 'temporary-limit'
                  | 'temporary-limit-expired'
                  | 'statement-day';
                reason: string | null;
                /** @description 'customer', 'staff:<id>', 'key:<id>' or 'system'. */
                requestedBy: string;
                seq: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Close the line: only at zero balance (nothing owed or held, no instalment plan open); it then accepts nothing more.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              available: string;
              /** @enum {string} */
              change:
                | 'close'
                | 'customer-limit'
                | 'customer-limit-lifted'
                | 'temporary-limit'
                | 'temporary-limit-expired'
                | 'statement-day';
              closedOn: string | null;
              customerLimitCap: string | null;
              /** @description The change's figures (amounts as yuan strings); a statement-day change: from, to, lastOnOldDay, itsDueDate, firstOnNewDay, firstOnNewDayDue. */
              detail: {
                [key: string]: unknown;
              };
              effectiveDate: string;
              /** @enum {string} */
              facilityStatus: 'active' | 'frozen' | 'suspended' | 'closed';
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              limit: string;
              lineId: string;
              /** @description The change's number in the line's history. */
              seq: number;
              temporary: {
                /**
                 * @description Extra credit on top of the limit.
                 * @example 1234.56
                 */
                amount: string;
                /** @description Its last day (inclusive). */
                until: string;
              } | null;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              used: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/conversion-offers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What converting a statement or an unbilled purchase into instalments costs; nothing is written.
     * @description Roles: admin, app, reviewer, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description For a statement: the part of its revolving principal to convert.
             * @example 1234.56
             */
            amount?: string;
            source:
              | {
                  statementSeq: number;
                }
              | {
                  /** @description A purchase id (pur_…). */
                  purchaseId: string;
                };
            /**
             * @description Periods: 3, 6, 9 or 12.
             * @enum {integer}
             */
            term: 3 | 6 | 9 | 12;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              /** @description Annualised rate by IRR (periodic IRR × 12), fees included. */
              aprByIrr: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              feePerPeriod: string;
              /** @description Fee each period as a fraction of the converted amount. */
              feeRate: string;
              instalments: string[];
              principalParts: string[];
              term: number;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              totalFees: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/conversions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Convert a statement (before its due date) or an unbilled purchase into 3/6/9/12 instalments.
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description For a statement: the part of its revolving principal to convert.
             * @example 1234.56
             */
            amount?: string;
            source:
              | {
                  statementSeq: number;
                }
              | {
                  /** @description A purchase id (pur_…). */
                  purchaseId: string;
                };
            /**
             * @description Periods: 3, 6, 9 or 12.
             * @enum {integer}
             */
            term: 3 | 6 | 9 | 12;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              effectiveDate: string;
              lineId: string;
              offer: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                amount: string;
                /** @description Annualised rate by IRR (periodic IRR × 12), fees included. */
                aprByIrr: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                feePerPeriod: string;
                /** @description Fee each period as a fraction of the converted amount. */
                feeRate: string;
                instalments: string[];
                principalParts: string[];
                term: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                totalFees: string;
              };
              planId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/limit-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The customer's lower limit (below the current one, not below what is used): reviews never raise it back until they lift it.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description The limit asked for, in yuan.
             * @example 1234.56
             */
            limit: string;
            /** @description The customer's reason. */
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              available: string;
              /** @enum {string} */
              change:
                | 'close'
                | 'customer-limit'
                | 'customer-limit-lifted'
                | 'temporary-limit'
                | 'temporary-limit-expired'
                | 'statement-day';
              closedOn: string | null;
              customerLimitCap: string | null;
              /** @description The change's figures (amounts as yuan strings); a statement-day change: from, to, lastOnOldDay, itsDueDate, firstOnNewDay, firstOnNewDayDue. */
              detail: {
                [key: string]: unknown;
              };
              effectiveDate: string;
              /** @enum {string} */
              facilityStatus: 'active' | 'frozen' | 'suspended' | 'closed';
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              limit: string;
              lineId: string;
              /** @description The change's number in the line's history. */
              seq: number;
              temporary: {
                /**
                 * @description Extra credit on top of the limit.
                 * @example 1234.56
                 */
                amount: string;
                /** @description Its last day (inclusive). */
                until: string;
              } | null;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              used: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/limit-requests/lift': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Lift the customer's own limit cap: the limit stays; the next review may raise it.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              available: string;
              /** @enum {string} */
              change:
                | 'close'
                | 'customer-limit'
                | 'customer-limit-lifted'
                | 'temporary-limit'
                | 'temporary-limit-expired'
                | 'statement-day';
              closedOn: string | null;
              customerLimitCap: string | null;
              /** @description The change's figures (amounts as yuan strings); a statement-day change: from, to, lastOnOldDay, itsDueDate, firstOnNewDay, firstOnNewDayDue. */
              detail: {
                [key: string]: unknown;
              };
              effectiveDate: string;
              /** @enum {string} */
              facilityStatus: 'active' | 'frozen' | 'suspended' | 'closed';
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              limit: string;
              lineId: string;
              /** @description The change's number in the line's history. */
              seq: number;
              temporary: {
                /**
                 * @description Extra credit on top of the limit.
                 * @example 1234.56
                 */
                amount: string;
                /** @description Its last day (inclusive). */
                until: string;
              } | null;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              used: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A payment, spread by the waterfall; a past value date (within the cycle) restates the books.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Amount received, in yuan.
             * @example 1234.56
             */
            amount: string;
            /**
             * @description Value date; today when omitted.
             * @example 2026-11-22
             */
            effectiveDate?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              allocation: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                fees: string;
                /**
                 * @description Held for the customer (net).
                 * @example 1234.56
                 */
                held: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Of principal: taken off a converted purchase's instalments not yet billed.
                 * @example 1234.56
                 */
                unbilledInstalments: string;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              availableAfter: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              daysPastDue: number;
              effectiveDate: string;
              /**
               * @description Interest booked by this change; negative when reversed.
               * @example 1234.56
               */
              interestChange: string;
              journalIds: string[];
              /** @enum {string} */
              kind: 'payment' | 'refund';
              lineId: string;
              /** @description The value date was in the past and the books were restated from it. */
              restated: boolean;
              seq: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/payouts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pay money held for the customer (overpaid or refunded beyond the debt) out to them: all of it, or `amount`.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Amount paid out, in yuan; all that is held when omitted.
             * @example 1234.56
             */
            amount?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              effectiveDate: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              heldAfter: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              heldBefore: string;
              journalIds: string[];
              lineId: string;
              seq: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/plans/{planId}/settlement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Settle an instalment plan early: what it has not billed is billed on the next statement with that period's fee; later fees are waived.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
          /** @description A instalmentPlan id (ipl_…). */
          planId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The next statement date. */
              billedOn: string;
              effectiveDate: string;
              /**
               * @description That period's fee, billed as scheduled.
               * @example 1234.56
               */
              fee: string;
              /**
               * @description The fees of the periods after it, never billed.
               * @example 1234.56
               */
              feesWaived: string;
              lineId: string;
              /** @description The period it is billed in (the last now). */
              period: number;
              periodsWaived: number;
              planId: string;
              /**
               * @description Every principal the plan had not billed: billed on the next statement.
               * @example 1234.56
               */
              principal: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/purchases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A purchase against the available limit; 422 with `reason` when declined.
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Amount in yuan.
             * @example 1234.56
             */
            amount: string;
            /** @description Merchant and item. */
            description: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              availableAfter: string;
              effectiveDate: string;
              /**
               * @description Money held for the customer that paid for it.
               * @example 1234.56
               */
              heldUsed: string;
              journalIds: string[];
              lineId: string;
              purchaseId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A merchant refund of a purchase (up to what is left of it), credited to the line.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Amount refunded, in yuan.
             * @example 1234.56
             */
            amount: string;
            /** @description A purchase id (pur_…). */
            purchaseId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              allocation: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                fees: string;
                /**
                 * @description Held for the customer (net).
                 * @example 1234.56
                 */
                held: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Of principal: taken off a converted purchase's instalments not yet billed.
                 * @example 1234.56
                 */
                unbilledInstalments: string;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              availableAfter: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              daysPastDue: number;
              effectiveDate: string;
              /**
               * @description Interest booked by this change; negative when reversed.
               * @example 1234.56
               */
              interestChange: string;
              journalIds: string[];
              /** @enum {string} */
              kind: 'payment' | 'refund';
              lineId: string;
              /** @description The value date was in the past and the books were restated from it. */
              restated: boolean;
              seq: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A line's limit reviews, newest first, with what each did and the customer's message.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              reviews: {
                action: ('raised' | 'lowered' | 'unchanged' | 'frozen' | 'reactivated' | 'none') | null;
                appliedAt: string | null;
                /** @description The limit_review decision (replayable). */
                decisionId: string | null;
                facilityStatusAfter: string | null;
                facilityStatusBefore: string | null;
                id: string;
                limitAfter: string | null;
                limitBefore: string | null;
                lineId: string;
                /** @description What the customer reads, zh-CN and en. */
                message: {
                  en: string;
                  zh: string;
                } | null;
                onTimeCycles: number | null;
                outcome: ('approved' | 'declined' | 'referred') | null;
                reasons: {
                  code: string;
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                requestedAt: string;
                /** @enum {string} */
                status: 'pending' | 'applied';
                /** @enum {string} */
                trigger: 'monthly' | 'on-demand';
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Review the limit now: a decision of kind limit_review, applied to the facility (raise, lower, freeze).
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              action: ('raised' | 'lowered' | 'unchanged' | 'frozen' | 'reactivated' | 'none') | null;
              appliedAt: string | null;
              /** @description The limit_review decision (replayable). */
              decisionId: string | null;
              facilityStatusAfter: string | null;
              facilityStatusBefore: string | null;
              id: string;
              limitAfter: string | null;
              limitBefore: string | null;
              lineId: string;
              /** @description What the customer reads, zh-CN and en. */
              message: {
                en: string;
                zh: string;
              } | null;
              onTimeCycles: number | null;
              outcome: ('approved' | 'declined' | 'referred') | null;
              reasons: {
                code: string;
                text: {
                  en: string;
                  zh: string;
                };
              }[];
              requestedAt: string;
              /** @enum {string} */
              status: 'pending' | 'applied';
              /** @enum {string} */
              trigger: 'monthly' | 'on-demand';
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/statement-day': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the statement day (at most once in 6 months): the cycle in flight ends on the old day, the next on the first new-day date after its due date.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Day of the month. */
            statementDay: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              available: string;
              /** @enum {string} */
              change:
                | 'close'
                | 'customer-limit'
                | 'customer-limit-lifted'
                | 'temporary-limit'
                | 'temporary-limit-expired'
                | 'statement-day';
              closedOn: string | null;
              customerLimitCap: string | null;
              /** @description The change's figures (amounts as yuan strings); a statement-day change: from, to, lastOnOldDay, itsDueDate, firstOnNewDay, firstOnNewDayDue. */
              detail: {
                [key: string]: unknown;
              };
              effectiveDate: string;
              /** @enum {string} */
              facilityStatus: 'active' | 'frozen' | 'suspended' | 'closed';
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              limit: string;
              lineId: string;
              /** @description The change's number in the line's history. */
              seq: number;
              temporary: {
                /**
                 * @description Extra credit on top of the limit.
                 * @example 1234.56
                 */
                amount: string;
                /** @description Its last day (inclusive). */
                until: string;
              } | null;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              used: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A line's statements, oldest first.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              statements: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                closingBalance: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                converted: string;
                dueDate: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                fees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentPrincipal: string;
                /**
                 * @description Refunds of converted purchases taken off instalments not yet billed (they lower instalmentsNotYetBilled, not the closing balance).
                 * @example 1234.56
                 */
                instalmentRefunds: string;
                instalments: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  fee: string;
                  period: number;
                  planId: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  term: number;
                }[];
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Late fees (违约金) charged in the cycle for a missed minimum, within the all-in cost cap.
                 * @example 1234.56
                 */
                lateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumPayment: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                openingBalance: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                payments: string;
                /**
                 * @description Money held for the customer paid out to them.
                 * @example 1234.56
                 */
                payouts: string;
                periodEnd: string;
                periodStart: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                purchases: string;
                /**
                 * @description Refunds credited to the balance.
                 * @example 1234.56
                 */
                refunds: string;
                seq: number;
                statementDate: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/statements/{seq}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One statement.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
          /** @description The statement number, from 1. */
          seq: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              closingBalance: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              converted: string;
              dueDate: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              fees: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              instalmentPrincipal: string;
              /**
               * @description Refunds of converted purchases taken off instalments not yet billed (they lower instalmentsNotYetBilled, not the closing balance).
               * @example 1234.56
               */
              instalmentRefunds: string;
              instalments: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                fee: string;
                period: number;
                planId: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                term: number;
              }[];
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              instalmentsNotYetBilled: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              interest: string;
              /**
               * @description Late fees (违约金) charged in the cycle for a missed minimum, within the all-in cost cap.
               * @example 1234.56
               */
              lateFees: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              minimumPayment: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              openingBalance: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              payments: string;
              /**
               * @description Money held for the customer paid out to them.
               * @example 1234.56
               */
              payouts: string;
              periodEnd: string;
              periodStart: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              purchases: string;
              /**
               * @description Refunds credited to the balance.
               * @example 1234.56
               */
              refunds: string;
              seq: number;
              statementDate: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/lines/{lineId}/temporary-limits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Grant a temporary limit (临时额度) on top of the limit through a date (at most 90 days); it replaces a running one.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Extra credit, in yuan.
             * @example 1234.56
             */
            amount: string;
            reason: string;
            /**
             * @description The last day it can be used.
             * @example 2026-11-22
             */
            until: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              available: string;
              /** @enum {string} */
              change:
                | 'close'
                | 'customer-limit'
                | 'customer-limit-lifted'
                | 'temporary-limit'
                | 'temporary-limit-expired'
                | 'statement-day';
              closedOn: string | null;
              customerLimitCap: string | null;
              /** @description The change's figures (amounts as yuan strings); a statement-day change: from, to, lastOnOldDay, itsDueDate, firstOnNewDay, firstOnNewDayDue. */
              detail: {
                [key: string]: unknown;
              };
              effectiveDate: string;
              /** @enum {string} */
              facilityStatus: 'active' | 'frozen' | 'suspended' | 'closed';
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              limit: string;
              lineId: string;
              /** @description The change's number in the line's history. */
              seq: number;
              temporary: {
                /**
                 * @description Extra credit on top of the limit.
                 * @example 1234.56
                 */
                amount: string;
                /** @description Its last day (inclusive). */
                until: string;
              } | null;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              used: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loan-schedules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview a repayment schedule (nothing is stored).
     * @description Roles: admin, app, analyst, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description A decimal fraction as a string: "0.1825" is 18.25%.
             * @example 0.1825
             */
            apr: string;
            /** @enum {string} */
            basis: 'monthly' | 'daily';
            /** @enum {string} */
            method: 'equal-installment' | 'equal-principal' | 'interest-first';
            /**
             * @description Amount in yuan as a decimal string, e.g. "1234.56".
             * @example 1234.56
             */
            principal: string;
            /**
             * @description A business date, YYYY-MM-DD (Asia/Shanghai).
             * @example 2026-11-22
             */
            start: string;
            term: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Annualised rate by IRR (periodic IRR × 12), fees included. */
              apr: string;
              /** @enum {string} */
              basis: 'monthly' | 'daily';
              lines: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                balance: string;
                days: number;
                dueDate: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                payment: string;
                period: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
              }[];
              /** @enum {string} */
              method: 'equal-installment' | 'equal-principal' | 'interest-first';
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              totalInterest: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              totalPayment: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Draw down a cash loan within the customer's available credit.
     * @description Roles: admin, app.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Principal in yuan.
             * @example 1234.56
             */
            amount: string;
            /** @description A customer id (cus_…). */
            customerId: string;
            /** @enum {string} */
            method: 'equal-installment' | 'equal-principal' | 'interest-first';
            /** @description Months: 3, 6 or 12 by default. */
            term: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              availableAfter: string;
              loan: {
                /** @description Contract rate, a decimal fraction. */
                apr: string;
                /** @description Annualised rate by IRR over the contract cash flows, fees included. */
                aprByIrr: string;
                /** @description The last business date the loan has been processed through. */
                asOf: string;
                /** @enum {string} */
                basis: 'monthly' | 'daily';
                /** @enum {string} */
                bucket: 'M0' | 'M1' | 'M2' | 'M3+';
                closedOn: string | null;
                customerId: string;
                daysPastDue: number;
                facilityId: string;
                id: string;
                instalments: {
                  daysPastDue: number;
                  dueDate: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  owed: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  paid: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  period: number;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  settledOn: string | null;
                  /** @enum {string} */
                  status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
                }[];
                /** @enum {string} */
                method: 'equal-installment' | 'equal-principal' | 'interest-first';
                nextDue: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  amount: string;
                  dueDate: string;
                } | null;
                outstanding: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  heldForCustomer: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  writtenOff: string;
                };
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                startDate: string;
                /** @enum {string} */
                status: 'active' | 'closed' | 'written_off';
                term: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                upfrontFee: string;
                writtenOffOn: string | null;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              paidOut: string;
              schedule: {
                /** @description Annualised rate by IRR (periodic IRR × 12), fees included. */
                apr: string;
                /** @enum {string} */
                basis: 'monthly' | 'daily';
                lines: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  balance: string;
                  days: number;
                  dueDate: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  payment: string;
                  period: number;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                }[];
                /** @enum {string} */
                method: 'equal-installment' | 'equal-principal' | 'interest-first';
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                totalInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                totalPayment: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loans/{loanId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A loan: status, buckets, what is owed.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Contract rate, a decimal fraction. */
              apr: string;
              /** @description Annualised rate by IRR over the contract cash flows, fees included. */
              aprByIrr: string;
              /** @description The last business date the loan has been processed through. */
              asOf: string;
              /** @enum {string} */
              basis: 'monthly' | 'daily';
              /** @enum {string} */
              bucket: 'M0' | 'M1' | 'M2' | 'M3+';
              closedOn: string | null;
              customerId: string;
              daysPastDue: number;
              facilityId: string;
              id: string;
              instalments: {
                daysPastDue: number;
                dueDate: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                owed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                paid: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                period: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                settledOn: string | null;
                /** @enum {string} */
                status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
              }[];
              /** @enum {string} */
              method: 'equal-installment' | 'equal-principal' | 'interest-first';
              nextDue: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                amount: string;
                dueDate: string;
              } | null;
              outstanding: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                writtenOff: string;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              principal: string;
              startDate: string;
              /** @enum {string} */
              status: 'active' | 'closed' | 'written_off';
              term: number;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              upfrontFee: string;
              writtenOffOn: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loans/{loanId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The loan's event history: repayments, write-off and payouts, in the order they arrived.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              events: {
                amount: string | null;
                effectiveDate: string;
                intent: ('scheduled' | 'prepayment') | null;
                /** @enum {string} */
                kind: 'repayment' | 'write-off' | 'payout';
                receivedAt: string;
                seq: number;
              }[];
              loanId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loans/{loanId}/payoff-quote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What paying off on a date takes (interest up to and including that day).
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description A business date, YYYY-MM-DD (Asia/Shanghai).
           * @example 2026-11-22
           */
          date?: string;
        };
        header?: never;
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              date: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              heldForCustomer: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              interest: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              penalty: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              principal: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              total: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loans/{loanId}/payouts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pay money held for the customer (overpayment) back to them: all of it by default, never more than is held.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Amount to pay back, in yuan; all that is held when omitted.
             * @example 1234.56
             */
            amount?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Paid back to the customer, in yuan.
               * @example 1234.56
               */
              amount: string;
              effectiveDate: string;
              /**
               * @description Held for the customer just before the payout.
               * @example 1234.56
               */
              heldBefore: string;
              journalIds: string[];
              loanId: string;
              outstanding: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                writtenOff: string;
              };
              /** @description The payout's number among the loan's events. */
              seq: number;
              /** @enum {string} */
              status: 'active' | 'closed' | 'written_off';
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loans/{loanId}/repayments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Repay: what is due (scheduled) or early (prepayment); a past value date restates the books.
     * @description Roles: admin, app, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Amount received, in yuan.
             * @example 1234.56
             */
            amount: string;
            /**
             * @description Value date; today when omitted.
             * @example 2026-11-22
             */
            effectiveDate?: string;
            /**
             * @default scheduled
             * @enum {string}
             */
            intent?: 'scheduled' | 'prepayment';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accrualChange: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
              };
              allocation: {
                /**
                 * @description Held for the customer (net).
                 * @example 1234.56
                 */
                held: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                recovered: string;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              effectiveDate: string;
              /** @enum {string} */
              intent: 'scheduled' | 'prepayment';
              journalIds: string[];
              loanId: string;
              outstanding: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                writtenOff: string;
              };
              /** @description The value date was in the past and the books were restated from it. */
              restated: boolean;
              seq: number;
              /** @enum {string} */
              status: 'active' | 'closed' | 'written_off';
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loans/{loanId}/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The contract schedule and every instalment as it stands.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              contract: {
                /** @description Annualised rate by IRR (periodic IRR × 12), fees included. */
                apr: string;
                /** @enum {string} */
                basis: 'monthly' | 'daily';
                lines: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  balance: string;
                  days: number;
                  dueDate: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  payment: string;
                  period: number;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                }[];
                /** @enum {string} */
                method: 'equal-installment' | 'equal-principal' | 'interest-first';
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                totalInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                totalPayment: string;
              };
              instalments: {
                daysPastDue: number;
                dueDate: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                owed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                paid: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                period: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                settledOn: string | null;
                /** @enum {string} */
                status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
              }[];
              loanId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loans/{loanId}/statement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Statement of account: opening and closing balances and every entry between two dates.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: {
          /**
           * @description A business date, YYYY-MM-DD (Asia/Shanghai).
           * @example 2026-11-22
           */
          from?: string;
          /**
           * @description A business date, YYYY-MM-DD (Asia/Shanghai).
           * @example 2026-11-22
           */
          to?: string;
        };
        header?: never;
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Balance of each account kind with money on it, in yuan. */
              closing: {
                [key: string]: string;
              };
              entries: {
                date: string;
                description: string;
                journalId: string;
                kind: string;
                lines: {
                  account: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  amount: string;
                  side: string;
                }[];
              }[];
              from: string;
              loan: {
                /** @description Contract rate, a decimal fraction. */
                apr: string;
                /** @description Annualised rate by IRR over the contract cash flows, fees included. */
                aprByIrr: string;
                /** @description The last business date the loan has been processed through. */
                asOf: string;
                /** @enum {string} */
                basis: 'monthly' | 'daily';
                /** @enum {string} */
                bucket: 'M0' | 'M1' | 'M2' | 'M3+';
                closedOn: string | null;
                customerId: string;
                daysPastDue: number;
                facilityId: string;
                id: string;
                instalments: {
                  daysPastDue: number;
                  dueDate: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  owed: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  paid: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  period: number;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  settledOn: string | null;
                  /** @enum {string} */
                  status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
                }[];
                /** @enum {string} */
                method: 'equal-installment' | 'equal-principal' | 'interest-first';
                nextDue: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  amount: string;
                  dueDate: string;
                } | null;
                outstanding: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  heldForCustomer: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  writtenOff: string;
                };
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                startDate: string;
                /** @enum {string} */
                status: 'active' | 'closed' | 'written_off';
                term: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                upfrontFee: string;
                writtenOffOn: string | null;
              };
              /** @description Balance of each account kind with money on it, in yuan. */
              opening: {
                [key: string]: string;
              };
              to: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/loans/{loanId}/write-off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Write a loan off today (its receivables go to write-off expense).
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description A key unique to this command (e.g. a UUID). A repeat with the same body returns the first result. */
          'idempotency-key': string;
        };
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accrualChange: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
              };
              allocation: {
                /**
                 * @description Held for the customer (net).
                 * @example 1234.56
                 */
                held: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                recovered: string;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              effectiveDate: string;
              /** @enum {string} */
              intent: 'scheduled' | 'prepayment';
              journalIds: string[];
              loanId: string;
              outstanding: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                writtenOff: string;
              };
              /** @description The value date was in the past and the books were restated from it. */
              restated: boolean;
              seq: number;
              /** @enum {string} */
              status: 'active' | 'closed' | 'written_off';
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Home: can I borrow, how much and at what annual rate; score and its dimensions; verification.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              asOf: string;
              customer: {
                /** @description A customer id (cus_…). */
                id: string;
                maskedName: string;
                maskedPhone: string;
              };
              products: {
                apr: string | null;
                dailyRate: string | null;
                facilityStatus: ('active' | 'frozen' | 'suspended' | 'closed') | null;
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                headline: {
                  en: string;
                  'zh-CN': string;
                };
                latestDecisionId: string | null;
                limitAvailable: string | null;
                limitTotal: string | null;
                lineId: string | null;
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                name: {
                  en: string;
                  'zh-CN': string;
                };
                /** @enum {string} */
                product: 'cash_loan' | 'credit_line';
                /** @enum {string} */
                status: 'can_borrow' | 'not_yet' | 'under_review' | 'not_applied';
              }[];
              score: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                asOf: string;
                /** @enum {string} */
                band: 'poor' | 'fair' | 'good' | 'excellent';
                /** @description A decision id (dec_…). */
                decisionId: string;
                dimensions: {
                  /** @enum {string} */
                  key: 'identity' | 'capacity' | 'history' | 'relationships' | 'behaviour';
                  /**
                   * Text
                   * @description A text in zh-CN and en.
                   */
                  label: {
                    en: string;
                    'zh-CN': string;
                  };
                  score: number;
                }[];
                value: number;
              } | null;
              /** Verification */
              verification: {
                cards: {
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  addedAt: string;
                  cardId: string;
                  /** @description Masked: "6225 **** **** 4321". */
                  cardNumber: string;
                  issuer: string | null;
                }[];
                elements: {
                  /** @enum {string} */
                  element: 'id_number' | 'phone' | 'bank_card';
                  verified: boolean;
                }[];
                failures: {
                  code: string;
                  /**
                   * Text
                   * @description A text in zh-CN and en.
                   */
                  text: {
                    en: string;
                    'zh-CN': string;
                  };
                }[];
                level: number;
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                levelName: {
                  en: string;
                  'zh-CN': string;
                };
                /** @description The level each product in force today requires. */
                levelsNeeded: {
                  cash_loan?: number;
                  credit_line?: number;
                };
                nextStep: {
                  en: string;
                  'zh-CN': string;
                } | null;
                verifiedAt: string | null;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/appeals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My appeals, newest first.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              appeals: {
                /** @description A appeal id (apl_…). */
                appealId: string;
                /** @enum {string} */
                category: 'identity' | 'data_error' | 'repaid_debt' | 'system_fault' | 'other';
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                categoryText: {
                  en: string;
                  'zh-CN': string;
                };
                /** @description A decision id (dec_…). */
                decisionId: string;
                evidenceIds: string[];
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                filedAt: string;
                granted: {
                  /**
                   * @description A decimal fraction as a string: "0.1825" is 18.25%.
                   * @example 0.1825
                   */
                  apr: string;
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  limit: string;
                } | null;
                message: {
                  en: string;
                  'zh-CN': string;
                } | null;
                reasons: {
                  code: string;
                  /**
                   * Text
                   * @description A text in zh-CN and en.
                   */
                  text: {
                    en: string;
                    'zh-CN': string;
                  };
                }[];
                resolution: ('overturned_by_recheck' | 'overturned' | 'upheld') | null;
                resolvedAt: string | null;
                slaDueDate: string | null;
                /** @enum {string} */
                status: 'filed' | 'queued' | 'in_review' | 'pending_approval' | 'resolved' | 'withdrawn';
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                statusText: {
                  en: string;
                  'zh-CN': string;
                };
                withdrawnAt: string | null;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/appeals/{appealId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of my appeals: status, SLA date, outcome and its reasons.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A appeal id (apl_…). */
          appealId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A appeal id (apl_…). */
              appealId: string;
              /** @enum {string} */
              category: 'identity' | 'data_error' | 'repaid_debt' | 'system_fault' | 'other';
              /**
               * Text
               * @description A text in zh-CN and en.
               */
              categoryText: {
                en: string;
                'zh-CN': string;
              };
              /** @description A decision id (dec_…). */
              decisionId: string;
              evidenceIds: string[];
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              filedAt: string;
              granted: {
                /**
                 * @description A decimal fraction as a string: "0.1825" is 18.25%.
                 * @example 0.1825
                 */
                apr: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
              } | null;
              message: {
                en: string;
                'zh-CN': string;
              } | null;
              reasons: {
                code: string;
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                text: {
                  en: string;
                  'zh-CN': string;
                };
              }[];
              resolution: ('overturned_by_recheck' | 'overturned' | 'upheld') | null;
              resolvedAt: string | null;
              slaDueDate: string | null;
              /** @enum {string} */
              status: 'filed' | 'queued' | 'in_review' | 'pending_approval' | 'resolved' | 'withdrawn';
              /**
               * Text
               * @description A text in zh-CN and en.
               */
              statusText: {
                en: string;
                'zh-CN': string;
              };
              withdrawnAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/appeals/evidence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload a photo or PDF as evidence for an appeal (the raw file as the body).
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The same file, uploaded before. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A customer id (cus_…). */
              customerId: string;
              /** @description A evidence id (evd_…). */
              evidenceId: string;
              /** @enum {string} */
              mediaType: 'image/jpeg' | 'image/png' | 'application/pdf';
              sha256: string;
              sizeBytes: number;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              uploadedAt: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A customer id (cus_…). */
              customerId: string;
              /** @description A evidence id (evd_…). */
              evidenceId: string;
              /** @enum {string} */
              mediaType: 'image/jpeg' | 'image/png' | 'application/pdf';
              sha256: string;
              sizeBytes: number;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              uploadedAt: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Bind a bank card in my own name (four-element check through the verification provider).
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 16–19 digits. */
            cardNumber: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Card */
              card: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                addedAt: string;
                cardId: string;
                /** @description Masked: "6225 **** **** 4321". */
                cardNumber: string;
                issuer: string | null;
              };
              /** Verification */
              verification: {
                cards: {
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  addedAt: string;
                  cardId: string;
                  /** @description Masked: "6225 **** **** 4321". */
                  cardNumber: string;
                  issuer: string | null;
                }[];
                elements: {
                  /** @enum {string} */
                  element: 'id_number' | 'phone' | 'bank_card';
                  verified: boolean;
                }[];
                failures: {
                  code: string;
                  /**
                   * Text
                   * @description A text in zh-CN and en.
                   */
                  text: {
                    en: string;
                    'zh-CN': string;
                  };
                }[];
                level: number;
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                levelName: {
                  en: string;
                  'zh-CN': string;
                };
                /** @description The level each product in force today requires. */
                levelsNeeded: {
                  cash_loan?: number;
                  credit_line?: number;
                };
                nextStep: {
                  en: string;
                  'zh-CN': string;
                } | null;
                verifiedAt: string | null;
              };
              verified: boolean;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/decisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My decisions, newest first (an overturned one names the decision that replaced it).
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: {
          /** @description 1–100, default 20. */
          limit?: string;
          product?: 'cash_loan' | 'credit_line';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              decisions: {
                apr: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @enum {string} */
                effectiveOutcome: 'approved' | 'declined' | 'referred';
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                headline: {
                  en: string;
                  'zh-CN': string;
                };
                /** @enum {string} */
                kind: 'application' | 'limit_review' | 'recheck' | 'override' | 'manual_review';
                /**
                 * @description The limit of the outcome that stands, in yuan.
                 * @example 1234.56
                 */
                limit: string;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overturnedBy: string | null;
                /** @description The product code: cash_loan or credit_line. */
                product: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Apply: a new decision for me on a product.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            product: 'cash_loan' | 'credit_line';
            /**
             * @description The amount asked for, in yuan ("5000.00").
             * @example 1234.56
             */
            requestedAmount?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              appeal: {
                appealId: string | null;
                canAppeal: boolean;
                deadline: string | null;
              };
              apr: string | null;
              dailyRate: string | null;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              decidedAt: string;
              /**
               * @description A business date, YYYY-MM-DD (Asia/Shanghai).
               * @example 2026-11-22
               */
              decisionDate: string;
              /** @description A decision id (dec_…). */
              decisionId: string;
              /**
               * Text
               * @description A text in zh-CN and en.
               */
              headline: {
                en: string;
                'zh-CN': string;
              };
              /** @enum {string} */
              kind: 'application' | 'limit_review' | 'recheck' | 'override' | 'manual_review';
              /**
               * @description In yuan; "0.00" when declined.
               * @example 1234.56
               */
              limit: string;
              noPlan: {
                en: string;
                'zh-CN': string;
              } | null;
              /**
               * @description What this decision is now for the customer: after an overturn, the new outcome.
               * @enum {string}
               */
              outcome: 'approved' | 'declined' | 'referred';
              overturned: {
                /** @description A decision id (dec_…). */
                byDecisionId: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                on: string;
                /** @enum {string} */
                originalOutcome: 'approved' | 'declined' | 'referred';
              } | null;
              plan: {
                reapplyOn: string | null;
                steps: {
                  code: string;
                  done: boolean;
                  dueDate: string | null;
                  progress: {
                    done: number;
                    total: number;
                  } | null;
                  /**
                   * Text
                   * @description A text in zh-CN and en.
                   */
                  text: {
                    en: string;
                    'zh-CN': string;
                  };
                }[];
                verifiedOutcome: ('approved' | 'declined' | 'referred') | null;
              } | null;
              /** @description The product code: cash_loan or credit_line. */
              product: string;
              /** @description Most important first; empty for an approval at the full amount. */
              reasons: {
                code: string;
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                text: {
                  en: string;
                  'zh-CN': string;
                };
              }[];
              referral: {
                /** @enum {string} */
                action: 'reapply' | 'appeal';
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                byWhen: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                byWhenDate: string;
                /** @enum {string} */
                kind: 'fault' | 'review';
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                whatNext: {
                  en: string;
                  'zh-CN': string;
                };
              } | null;
              requestedAmount: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/decisions/{decisionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of my decisions: the outcome that stands, reasons, plan, referral next steps, appeal.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A decision id (dec_…). */
          decisionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              appeal: {
                appealId: string | null;
                canAppeal: boolean;
                deadline: string | null;
              };
              apr: string | null;
              dailyRate: string | null;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              decidedAt: string;
              /**
               * @description A business date, YYYY-MM-DD (Asia/Shanghai).
               * @example 2026-11-22
               */
              decisionDate: string;
              /** @description A decision id (dec_…). */
              decisionId: string;
              /**
               * Text
               * @description A text in zh-CN and en.
               */
              headline: {
                en: string;
                'zh-CN': string;
              };
              /** @enum {string} */
              kind: 'application' | 'limit_review' | 'recheck' | 'override' | 'manual_review';
              /**
               * @description In yuan; "0.00" when declined.
               * @example 1234.56
               */
              limit: string;
              noPlan: {
                en: string;
                'zh-CN': string;
              } | null;
              /**
               * @description What this decision is now for the customer: after an overturn, the new outcome.
               * @enum {string}
               */
              outcome: 'approved' | 'declined' | 'referred';
              overturned: {
                /** @description A decision id (dec_…). */
                byDecisionId: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                on: string;
                /** @enum {string} */
                originalOutcome: 'approved' | 'declined' | 'referred';
              } | null;
              plan: {
                reapplyOn: string | null;
                steps: {
                  code: string;
                  done: boolean;
                  dueDate: string | null;
                  progress: {
                    done: number;
                    total: number;
                  } | null;
                  /**
                   * Text
                   * @description A text in zh-CN and en.
                   */
                  text: {
                    en: string;
                    'zh-CN': string;
                  };
                }[];
                verifiedOutcome: ('approved' | 'declined' | 'referred') | null;
              } | null;
              /** @description The product code: cash_loan or credit_line. */
              product: string;
              /** @description Most important first; empty for an approval at the full amount. */
              reasons: {
                code: string;
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                text: {
                  en: string;
                  'zh-CN': string;
                };
              }[];
              referral: {
                /** @enum {string} */
                action: 'reapply' | 'appeal';
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                byWhen: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                byWhenDate: string;
                /** @enum {string} */
                kind: 'fault' | 'review';
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                whatNext: {
                  en: string;
                  'zh-CN': string;
                };
              } | null;
              requestedAmount: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/decisions/{decisionId}/appeals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Appeal one of my decisions.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A decision id (dec_…). */
          decisionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            category: 'identity' | 'data_error' | 'repaid_debt' | 'system_fault' | 'other';
            evidence?: string[];
            statement: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A appeal id (apl_…). */
              appealId: string;
              /** @enum {string} */
              category: 'identity' | 'data_error' | 'repaid_debt' | 'system_fault' | 'other';
              /**
               * Text
               * @description A text in zh-CN and en.
               */
              categoryText: {
                en: string;
                'zh-CN': string;
              };
              /** @description A decision id (dec_…). */
              decisionId: string;
              evidenceIds: string[];
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              filedAt: string;
              granted: {
                /**
                 * @description A decimal fraction as a string: "0.1825" is 18.25%.
                 * @example 0.1825
                 */
                apr: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
              } | null;
              message: {
                en: string;
                'zh-CN': string;
              } | null;
              reasons: {
                code: string;
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                text: {
                  en: string;
                  'zh-CN': string;
                };
              }[];
              resolution: ('overturned_by_recheck' | 'overturned' | 'upheld') | null;
              resolvedAt: string | null;
              slaDueDate: string | null;
              /** @enum {string} */
              status: 'filed' | 'queued' | 'in_review' | 'pending_approval' | 'resolved' | 'withdrawn';
              /**
               * Text
               * @description A text in zh-CN and en.
               */
              statusText: {
                en: string;
                'zh-CN': string;
              };
              withdrawnAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My credit lines.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              lines: {
                /** @description The last business date the line has been processed through. */
                asOf: string;
                balances: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  billedFees: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  billedInterest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  billedPrincipal: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  heldForCustomer: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  instalmentsNotYetBilled: string;
                  /**
                   * @description Everything owed less money held: what clears the line today.
                   * @example 1234.56
                   */
                  payoff: string;
                  /**
                   * @description All principal owed, revolving and converted: the limit in use.
                   * @example 1234.56
                   */
                  principalOwed: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  unbilledInterest: string;
                  /**
                   * @description Late fees charged in the cycle, billed on the next statement.
                   * @example 1234.56
                   */
                  unbilledLateFees: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  unbilledPrincipal: string;
                };
                /** @enum {string} */
                bucket: 'M0' | 'M1' | 'M2' | 'M3+';
                /** @description When the line was closed. */
                closedOn: string | null;
                customerId: string;
                /** @description The limit the customer asked for: reviews never set the limit above it until they lift it. */
                customerLimitCap: string | null;
                /** @description Interest a day on principal that bears it, a decimal fraction. */
                dailyRate: string;
                daysPastDue: number;
                due: {
                  /** @description Due on this day of the month after the statement. */
                  dayOfMonth?: number;
                  /** @description Due this many days after the statement date. */
                  daysAfterStatement?: number;
                };
                facility: {
                  /**
                   * @description limit + a running temporary limit − used; 0 unless active.
                   * @example 1234.56
                   */
                  available: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  limit: string;
                  /** @enum {string} */
                  status: 'active' | 'frozen' | 'suspended' | 'closed';
                  /** @description A temporary limit (临时额度) on top of the limit, while it runs. */
                  temporary: {
                    /**
                     * @description Extra credit on top of the limit.
                     * @example 1234.56
                     */
                    amount: string;
                    /** @description Its last day (inclusive). */
                    until: string;
                  } | null;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  used: string;
                };
                facilityId: string;
                id: string;
                /** @enum {string} */
                interestFrom: 'posting-date' | 'day-after-due';
                nextStatementDate: string;
                onTimeCycles: number;
                openedOn: string;
                openStatements: {
                  dueDate: string;
                  graceLost: boolean;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  minimumOutstanding: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  minimumPayment: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  owed: string;
                  seq: number;
                  settledOn: string | null;
                  statementDate: string;
                }[];
                plans: {
                  /** @description The rate of the offer accepted (annualised by IRR). */
                  aprByIrr: string;
                  billedPeriods: number;
                  cancelledOn: string | null;
                  createdOn: string;
                  /**
                   * @description The fee of each period still to bill.
                   * @example 1234.56
                   */
                  feePerPeriod: string;
                  feeRate: string;
                  /** @description Principal of each period: billed as billed, the rest as scheduled now. */
                  parts: string[];
                  planId: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principalNotYetBilled: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principalOwed: string;
                  /**
                   * @description Principal refunds took off the periods not yet billed.
                   * @example 1234.56
                   */
                  refunded: string;
                  /** @description The same rate of what is still to bill, as it stands now; null when nothing is. */
                  remainingAprByIrr: string | null;
                  source: {
                    purchaseId?: string;
                    statementSeq?: number;
                  };
                  /**
                   * @description cancelled: a refund of the converted purchase took every period not yet billed off the plan.
                   * @enum {string}
                   */
                  status: 'active' | 'cancelled' | 'settled';
                  term: number;
                }[];
                statementDay: number;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Open my credit line on my approved credit-line limit (the open one when there is one).
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            statementDay?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The last business date the line has been processed through. */
              asOf: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              /** @enum {string} */
              bucket: 'M0' | 'M1' | 'M2' | 'M3+';
              /** @description When the line was closed. */
              closedOn: string | null;
              customerId: string;
              /** @description The limit the customer asked for: reviews never set the limit above it until they lift it. */
              customerLimitCap: string | null;
              /** @description Interest a day on principal that bears it, a decimal fraction. */
              dailyRate: string;
              daysPastDue: number;
              due: {
                /** @description Due on this day of the month after the statement. */
                dayOfMonth?: number;
                /** @description Due this many days after the statement date. */
                daysAfterStatement?: number;
              };
              facility: {
                /**
                 * @description limit + a running temporary limit − used; 0 unless active.
                 * @example 1234.56
                 */
                available: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                /** @description A temporary limit (临时额度) on top of the limit, while it runs. */
                temporary: {
                  /**
                   * @description Extra credit on top of the limit.
                   * @example 1234.56
                   */
                  amount: string;
                  /** @description Its last day (inclusive). */
                  until: string;
                } | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
              };
              facilityId: string;
              id: string;
              /** @enum {string} */
              interestFrom: 'posting-date' | 'day-after-due';
              nextStatementDate: string;
              onTimeCycles: number;
              openedOn: string;
              openStatements: {
                dueDate: string;
                graceLost: boolean;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumOutstanding: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumPayment: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                owed: string;
                seq: number;
                settledOn: string | null;
                statementDate: string;
              }[];
              plans: {
                /** @description The rate of the offer accepted (annualised by IRR). */
                aprByIrr: string;
                billedPeriods: number;
                cancelledOn: string | null;
                createdOn: string;
                /**
                 * @description The fee of each period still to bill.
                 * @example 1234.56
                 */
                feePerPeriod: string;
                feeRate: string;
                /** @description Principal of each period: billed as billed, the rest as scheduled now. */
                parts: string[];
                planId: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalNotYetBilled: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Principal refunds took off the periods not yet billed.
                 * @example 1234.56
                 */
                refunded: string;
                /** @description The same rate of what is still to bill, as it stands now; null when nothing is. */
                remainingAprByIrr: string | null;
                source: {
                  purchaseId?: string;
                  statementSeq?: number;
                };
                /**
                 * @description cancelled: a refund of the converted purchase took every period not yet billed off the plan.
                 * @enum {string}
                 */
                status: 'active' | 'cancelled' | 'settled';
                term: number;
              }[];
              statementDay: number;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The last business date the line has been processed through. */
              asOf: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              /** @enum {string} */
              bucket: 'M0' | 'M1' | 'M2' | 'M3+';
              /** @description When the line was closed. */
              closedOn: string | null;
              customerId: string;
              /** @description The limit the customer asked for: reviews never set the limit above it until they lift it. */
              customerLimitCap: string | null;
              /** @description Interest a day on principal that bears it, a decimal fraction. */
              dailyRate: string;
              daysPastDue: number;
              due: {
                /** @description Due on this day of the month after the statement. */
                dayOfMonth?: number;
                /** @description Due this many days after the statement date. */
                daysAfterStatement?: number;
              };
              facility: {
                /**
                 * @description limit + a running temporary limit − used; 0 unless active.
                 * @example 1234.56
                 */
                available: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                /** @description A temporary limit (临时额度) on top of the limit, while it runs. */
                temporary: {
                  /**
                   * @description Extra credit on top of the limit.
                   * @example 1234.56
                   */
                  amount: string;
                  /** @description Its last day (inclusive). */
                  until: string;
                } | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
              };
              facilityId: string;
              id: string;
              /** @enum {string} */
              interestFrom: 'posting-date' | 'day-after-due';
              nextStatementDate: string;
              onTimeCycles: number;
              openedOn: string;
              openStatements: {
                dueDate: string;
                graceLost: boolean;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumOutstanding: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumPayment: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                owed: string;
                seq: number;
                settledOn: string | null;
                statementDate: string;
              }[];
              plans: {
                /** @description The rate of the offer accepted (annualised by IRR). */
                aprByIrr: string;
                billedPeriods: number;
                cancelledOn: string | null;
                createdOn: string;
                /**
                 * @description The fee of each period still to bill.
                 * @example 1234.56
                 */
                feePerPeriod: string;
                feeRate: string;
                /** @description Principal of each period: billed as billed, the rest as scheduled now. */
                parts: string[];
                planId: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalNotYetBilled: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Principal refunds took off the periods not yet billed.
                 * @example 1234.56
                 */
                refunded: string;
                /** @description The same rate of what is still to bill, as it stands now; null when nothing is. */
                remainingAprByIrr: string | null;
                source: {
                  purchaseId?: string;
                  statementSeq?: number;
                };
                /**
                 * @description cancelled: a refund of the converted purchase took every period not yet billed off the plan.
                 * @enum {string}
                 */
                status: 'active' | 'cancelled' | 'settled';
                term: number;
              }[];
              statementDay: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/lines/{lineId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of my credit lines.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The last business date the line has been processed through. */
              asOf: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              /** @enum {string} */
              bucket: 'M0' | 'M1' | 'M2' | 'M3+';
              /** @description When the line was closed. */
              closedOn: string | null;
              customerId: string;
              /** @description The limit the customer asked for: reviews never set the limit above it until they lift it. */
              customerLimitCap: string | null;
              /** @description Interest a day on principal that bears it, a decimal fraction. */
              dailyRate: string;
              daysPastDue: number;
              due: {
                /** @description Due on this day of the month after the statement. */
                dayOfMonth?: number;
                /** @description Due this many days after the statement date. */
                daysAfterStatement?: number;
              };
              facility: {
                /**
                 * @description limit + a running temporary limit − used; 0 unless active.
                 * @example 1234.56
                 */
                available: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                limit: string;
                /** @enum {string} */
                status: 'active' | 'frozen' | 'suspended' | 'closed';
                /** @description A temporary limit (临时额度) on top of the limit, while it runs. */
                temporary: {
                  /**
                   * @description Extra credit on top of the limit.
                   * @example 1234.56
                   */
                  amount: string;
                  /** @description Its last day (inclusive). */
                  until: string;
                } | null;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                used: string;
              };
              facilityId: string;
              id: string;
              /** @enum {string} */
              interestFrom: 'posting-date' | 'day-after-due';
              nextStatementDate: string;
              onTimeCycles: number;
              openedOn: string;
              openStatements: {
                dueDate: string;
                graceLost: boolean;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumOutstanding: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumPayment: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                owed: string;
                seq: number;
                settledOn: string | null;
                statementDate: string;
              }[];
              plans: {
                /** @description The rate of the offer accepted (annualised by IRR). */
                aprByIrr: string;
                billedPeriods: number;
                cancelledOn: string | null;
                createdOn: string;
                /**
                 * @description The fee of each period still to bill.
                 * @example 1234.56
                 */
                feePerPeriod: string;
                feeRate: string;
                /** @description Principal of each period: billed as billed, the rest as scheduled now. */
                parts: string[];
                planId: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalNotYetBilled: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Principal refunds took off the periods not yet billed.
                 * @example 1234.56
                 */
                refunded: string;
                /** @description The same rate of what is still to bill, as it stands now; null when nothing is. */
                remainingAprByIrr: string | null;
                source: {
                  purchaseId?: string;
                  statementSeq?: number;
                };
                /**
                 * @description cancelled: a refund of the converted purchase took every period not yet billed off the plan.
                 * @enum {string}
                 */
                status: 'active' | 'cancelled' | 'settled';
                term: number;
              }[];
              statementDay: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/lines/{lineId}/conversions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Convert a purchase or a statement into instalments (Idempotency-Key).
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Made by the app when the person taps (e.g. a UUID) and sent again on every retry of that tap: the action happens once. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description For a statement: the part of its revolving principal to convert.
             * @example 1234.56
             */
            amount?: string;
            source:
              | {
                  statementSeq: number;
                }
              | {
                  /** @description A purchase id (pur_…). */
                  purchaseId: string;
                };
            /**
             * @description Periods: 3, 6, 9 or 12.
             * @enum {integer}
             */
            term: 3 | 6 | 9 | 12;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description A business date, YYYY-MM-DD (Asia/Shanghai).
               * @example 2026-11-22
               */
              effectiveDate: string;
              /** @description A line id (cl_…). */
              lineId: string;
              offer: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                amount: string;
                /** @description Annualised rate by IRR (periodic IRR × 12), fees included. */
                aprByIrr: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                feePerPeriod: string;
                /** @description Fee each period as a fraction of the converted amount. */
                feeRate: string;
                instalments: string[];
                principalParts: string[];
                term: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                totalFees: string;
              };
              planId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/lines/{lineId}/offers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Instalment offers for a purchase or a statement, one per term; nothing is stored.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: {
          /** @description A purchase id (pur_…). */
          purchase?: string;
          statement?: string;
        };
        header?: never;
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              offers: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                amount: string;
                /** @description Annualised rate by IRR (periodic IRR × 12), fees included. */
                aprByIrr: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                feePerPeriod: string;
                /** @description Fee each period as a fraction of the converted amount. */
                feeRate: string;
                instalments: string[];
                principalParts: string[];
                term: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                totalFees: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/lines/{lineId}/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pay my line: in full, the minimum, or an amount (Idempotency-Key: a retry never pays twice).
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Made by the app when the person taps (e.g. a UUID) and sent again on every retry of that tap: the action happens once. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description With kind "amount" only, in yuan.
             * @example 1234.56
             */
            amount?: string;
            /** @enum {string} */
            kind: 'full' | 'minimum' | 'amount';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              allocation: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                fees: string;
                /**
                 * @description Held for the customer (net).
                 * @example 1234.56
                 */
                held: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Of principal: taken off a converted purchase's instalments not yet billed.
                 * @example 1234.56
                 */
                unbilledInstalments: string;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              availableAfter: string;
              balances: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedInterest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                billedPrincipal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Everything owed less money held: what clears the line today.
                 * @example 1234.56
                 */
                payoff: string;
                /**
                 * @description All principal owed, revolving and converted: the limit in use.
                 * @example 1234.56
                 */
                principalOwed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledInterest: string;
                /**
                 * @description Late fees charged in the cycle, billed on the next statement.
                 * @example 1234.56
                 */
                unbilledLateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                unbilledPrincipal: string;
              };
              daysPastDue: number;
              effectiveDate: string;
              /**
               * @description Interest booked by this change; negative when reversed.
               * @example 1234.56
               */
              interestChange: string;
              journalIds: string[];
              /** @enum {string} */
              kind: 'payment' | 'refund';
              lineId: string;
              /** @description The value date was in the past and the books were restated from it. */
              restated: boolean;
              seq: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/lines/{lineId}/purchases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Demo only: a purchase on my line (Idempotency-Key).
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Made by the app when the person taps (e.g. a UUID) and sent again on every retry of that tap: the action happens once. */
          'idempotency-key': string;
        };
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Amount in yuan.
             * @example 1234.56
             */
            amount: string;
            description: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              availableAfter: string;
              /**
               * @description A business date, YYYY-MM-DD (Asia/Shanghai).
               * @example 2026-11-22
               */
              effectiveDate: string;
              /**
               * @description Money held for the customer that paid for it.
               * @example 1234.56
               */
              heldUsed: string;
              journalIds: string[];
              lineId: string;
              purchaseId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/lines/{lineId}/statements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My statements on a line, newest first.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A line id (cl_…). */
          lineId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              statements: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                closingBalance: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                converted: string;
                dueDate: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                fees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentPrincipal: string;
                /**
                 * @description Refunds of converted purchases taken off instalments not yet billed (they lower instalmentsNotYetBilled, not the closing balance).
                 * @example 1234.56
                 */
                instalmentRefunds: string;
                instalments: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  fee: string;
                  period: number;
                  planId: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  term: number;
                }[];
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                instalmentsNotYetBilled: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Late fees (违约金) charged in the cycle for a missed minimum, within the all-in cost cap.
                 * @example 1234.56
                 */
                lateFees: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                minimumPayment: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                openingBalance: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                payments: string;
                /**
                 * @description Money held for the customer paid out to them.
                 * @example 1234.56
                 */
                payouts: string;
                periodEnd: string;
                periodStart: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                purchases: string;
                /**
                 * @description Refunds credited to the balance.
                 * @example 1234.56
                 */
                refunds: string;
                seq: number;
                statementDate: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/loans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My cash loans.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              loans: {
                /** @description Contract rate, a decimal fraction. */
                apr: string;
                /** @description Annualised rate by IRR over the contract cash flows, fees included. */
                aprByIrr: string;
                /** @description The last business date the loan has been processed through. */
                asOf: string;
                /** @enum {string} */
                basis: 'monthly' | 'daily';
                /** @enum {string} */
                bucket: 'M0' | 'M1' | 'M2' | 'M3+';
                closedOn: string | null;
                customerId: string;
                daysPastDue: number;
                facilityId: string;
                id: string;
                instalments: {
                  daysPastDue: number;
                  dueDate: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  owed: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  paid: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  period: number;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  settledOn: string | null;
                  /** @enum {string} */
                  status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
                }[];
                /** @enum {string} */
                method: 'equal-installment' | 'equal-principal' | 'interest-first';
                nextDue: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  amount: string;
                  dueDate: string;
                } | null;
                outstanding: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  heldForCustomer: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  writtenOff: string;
                };
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                startDate: string;
                /** @enum {string} */
                status: 'active' | 'closed' | 'written_off';
                term: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                upfrontFee: string;
                writtenOffOn: string | null;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Draw a cash loan on my limit (Idempotency-Key: a retry never draws twice).
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Made by the app when the person taps (e.g. a UUID) and sent again on every retry of that tap: the action happens once. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Principal in yuan.
             * @example 1234.56
             */
            amount: string;
            /** @enum {string} */
            method: 'equal-installment' | 'equal-principal' | 'interest-first';
            /** @description Months: 3, 6 or 12. */
            term: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              availableAfter: string;
              loan: {
                /** @description Contract rate, a decimal fraction. */
                apr: string;
                /** @description Annualised rate by IRR over the contract cash flows, fees included. */
                aprByIrr: string;
                /** @description The last business date the loan has been processed through. */
                asOf: string;
                /** @enum {string} */
                basis: 'monthly' | 'daily';
                /** @enum {string} */
                bucket: 'M0' | 'M1' | 'M2' | 'M3+';
                closedOn: string | null;
                customerId: string;
                daysPastDue: number;
                facilityId: string;
                id: string;
                instalments: {
                  daysPastDue: number;
                  dueDate: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  owed: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  paid: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  period: number;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  settledOn: string | null;
                  /** @enum {string} */
                  status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
                }[];
                /** @enum {string} */
                method: 'equal-installment' | 'equal-principal' | 'interest-first';
                nextDue: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  amount: string;
                  dueDate: string;
                } | null;
                outstanding: {
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  heldForCustomer: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  interest: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  penalty: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  principal: string;
                  /**
                   * @description Amount in yuan as a decimal string, e.g. "1234.56".
                   * @example 1234.56
                   */
                  writtenOff: string;
                };
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                startDate: string;
                /** @enum {string} */
                status: 'active' | 'closed' | 'written_off';
                term: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                upfrontFee: string;
                writtenOffOn: string | null;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              paidOut: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/loans/{loanId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One of my loans: schedule as it stands and past repayments.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Contract rate, a decimal fraction. */
              apr: string;
              /** @description Annualised rate by IRR over the contract cash flows, fees included. */
              aprByIrr: string;
              /** @description The last business date the loan has been processed through. */
              asOf: string;
              /** @enum {string} */
              basis: 'monthly' | 'daily';
              /** @enum {string} */
              bucket: 'M0' | 'M1' | 'M2' | 'M3+';
              closedOn: string | null;
              customerId: string;
              daysPastDue: number;
              facilityId: string;
              id: string;
              instalments: {
                daysPastDue: number;
                dueDate: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                owed: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                paid: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                period: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                settledOn: string | null;
                /** @enum {string} */
                status: 'paid' | 'due' | 'overdue' | 'upcoming' | 'written-off';
              }[];
              /** @enum {string} */
              method: 'equal-installment' | 'equal-principal' | 'interest-first';
              nextDue: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                amount: string;
                dueDate: string;
              } | null;
              outstanding: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                writtenOff: string;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              principal: string;
              repayments: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                amount: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                effectiveDate: string;
                /** @enum {string} */
                intent: 'scheduled' | 'prepayment';
                /** @enum {string} */
                kind: 'repayment';
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                receivedAt: string;
                seq: number;
              }[];
              startDate: string;
              /** @enum {string} */
              status: 'active' | 'closed' | 'written_off';
              term: number;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              upfrontFee: string;
              writtenOffOn: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/loans/{loanId}/repayments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Repay my loan (Idempotency-Key: a retry never pays twice).
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Made by the app when the person taps (e.g. a UUID) and sent again on every retry of that tap: the action happens once. */
          'idempotency-key': string;
        };
        path: {
          /** @description A loan id (ln_…). */
          loanId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Amount in yuan.
             * @example 1234.56
             */
            amount: string;
            /**
             * @default scheduled
             * @enum {string}
             */
            intent?: 'scheduled' | 'prepayment';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accrualChange: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
              };
              allocation: {
                /**
                 * @description Held for the customer (net).
                 * @example 1234.56
                 */
                held: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                recovered: string;
              };
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              effectiveDate: string;
              /** @enum {string} */
              intent: 'scheduled' | 'prepayment';
              journalIds: string[];
              loanId: string;
              outstanding: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                heldForCustomer: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                penalty: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                writtenOff: string;
              };
              /** @description The value date was in the past and the books were restated from it. */
              restated: boolean;
              seq: number;
              /** @enum {string} */
              status: 'active' | 'closed' | 'written_off';
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/loans/quote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What a cash loan would cost: schedule, total interest and fees, APR by IRR. Nothing is stored.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description Principal in yuan.
             * @example 1234.56
             */
            amount: string;
            /** @enum {string} */
            method: 'equal-installment' | 'equal-principal' | 'interest-first';
            /** @description Months: 3, 6 or 12. */
            term: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              amount: string;
              /**
               * @description A decimal fraction as a string: "0.1825" is 18.25%.
               * @example 0.1825
               */
              apr: string;
              /**
               * @description Annualised rate by IRR over the actual cash flows, fees included.
               * @example 0.1825
               */
              aprByIrr: string;
              /**
               * @description A decimal fraction as a string: "0.1825" is 18.25%.
               * @example 0.1825
               */
              dailyRate: string;
              /** @enum {string} */
              method: 'equal-installment' | 'equal-principal' | 'interest-first';
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              paidOut: string;
              rows: {
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                balance: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                dueDate: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                interest: string;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                payment: string;
                period: number;
                /**
                 * @description Amount in yuan as a decimal string, e.g. "1234.56".
                 * @example 1234.56
                 */
                principal: string;
              }[];
              term: number;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              totalFees: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              totalInterest: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              totalRepayment: string;
              /**
               * @description Amount in yuan as a decimal string, e.g. "1234.56".
               * @example 1234.56
               */
              upfrontFee: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My messages: decision results, appeal news, limit changes; newest first.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: {
          limit?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              messages: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                at: string;
                id: string;
                /** @enum {string} */
                kind: 'decision' | 'appeal' | 'limit_change' | 'account';
                link: {
                  /** @description A appeal id (apl_…). */
                  appealId?: string;
                  /** @description A decision id (dec_…). */
                  decisionId?: string;
                  /** @description A line id (cl_…). */
                  lineId?: string;
                  /** @description A loan id (ln_…). */
                  loanId?: string;
                };
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                text: {
                  en: string;
                  'zh-CN': string;
                };
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                title: {
                  en: string;
                  'zh-CN': string;
                };
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The session in use: whose it is and when it expires.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A customer id (cus_…). */
              customerId: string;
              /** @description Issued by the demo sign-in. */
              demo: boolean;
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              expiresAt: string;
              sessionId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Sign out: this session ends now.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Signed out; no body. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What is verified, what failed, and the next step to the level my products need.
     * @description Caller: a customer session (cs_…) only; it reads and acts on its own customer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cards: {
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                addedAt: string;
                cardId: string;
                /** @description Masked: "6225 **** **** 4321". */
                cardNumber: string;
                issuer: string | null;
              }[];
              elements: {
                /** @enum {string} */
                element: 'id_number' | 'phone' | 'bank_card';
                verified: boolean;
              }[];
              failures: {
                code: string;
                /**
                 * Text
                 * @description A text in zh-CN and en.
                 */
                text: {
                  en: string;
                  'zh-CN': string;
                };
              }[];
              level: number;
              /**
               * Text
               * @description A text in zh-CN and en.
               */
              levelName: {
                en: string;
                'zh-CN': string;
              };
              /** @description The level each product in force today requires. */
              levelsNeeded: {
                cash_loan?: number;
                credit_line?: number;
              };
              nextStep: {
                en: string;
                'zh-CN': string;
              } | null;
              verifiedAt: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List scorecard models, newest first.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              models: {
                activatedAt: string | null;
                /** @description sha256:<hex> of the canonical artefact. */
                contentHash: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                createdBy: string | null;
                featureCount: number;
                holdoutAuc: number | null;
                retiredAt: string | null;
                /** @enum {string} */
                status: 'candidate' | 'active' | 'retired';
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                trainedAt: string;
                version: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a scorecard artefact (from `credence train`); it is validated and its content hash checked.
     * @description Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description A Credence scorecard artefact (schema credence.scorecard/1). */
      requestBody: {
        content: {
          'application/json': {
            basePoints: number;
            contentHash: string;
            dimensions: {
              /** @enum {string} */
              fallback: 'identity' | 'capacity' | 'history' | 'relationships' | 'behaviour';
              overrides: {
                [key: string]: 'identity' | 'capacity' | 'history' | 'relationships' | 'behaviour';
              };
              rules: {
                /** @enum {string} */
                dimension: 'identity' | 'capacity' | 'history' | 'relationships' | 'behaviour';
                pattern: string;
              }[];
            };
            dropped: {
              detail: string;
              feature: string;
              /** @enum {string} */
              reason:
                | 'excluded'
                | 'no-variation'
                | 'low-iv'
                | 'correlated'
                | 'high-vif'
                | 'wrong-sign'
                | 'not-significant';
            }[];
            features: {
              bins: (
                | {
                    bads: number;
                    count: number;
                    eventRate: number;
                    goods: number;
                    iv: number;
                    /** @enum {string} */
                    kind: 'interval';
                    lower: number | null;
                    /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                    points: number;
                    /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                    text: string;
                    upper: number | null;
                    woe: number;
                  }
                | {
                    bads: number;
                    count: number;
                    eventRate: number;
                    goods: number;
                    iv: number;
                    /** @enum {string} */
                    kind: 'special';
                    /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                    points: number;
                    /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                    text: string;
                    value: number;
                    woe: number;
                  }
                | {
                    bads: number;
                    count: number;
                    eventRate: number;
                    goods: number;
                    iv: number;
                    /** @enum {string} */
                    kind: 'missing';
                    /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                    points: number;
                    /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                    text: string;
                    woe: number;
                  }
                | {
                    bads: number;
                    categories: string[];
                    count: number;
                    eventRate: number;
                    goods: number;
                    iv: number;
                    /** @enum {string} */
                    kind: 'categories';
                    /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                    points: number;
                    /** @description Rare categories pooled into this bin. */
                    rare: string[];
                    /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                    text: string;
                    woe: number;
                  }
                | {
                    bads: number;
                    count: number;
                    eventRate: number;
                    goods: number;
                    iv: number;
                    /** @enum {string} */
                    kind: 'unknown';
                    /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                    points: number;
                    /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                    text: string;
                    woe: number;
                  }
              )[];
              coefficient: number;
              /** @enum {string} */
              dimension: 'identity' | 'capacity' | 'history' | 'relationships' | 'behaviour';
              iv: number;
              kind: 'numeric' | 'categorical';
              label: {
                en: string;
                zh: string;
              };
              name: string;
              pValue: number | null;
              standardError: number | null;
              trend: 'ascending' | 'descending' | 'peak' | 'valley' | 'none' | 'manual';
              valueFormat?: 'percent' | 'yuan';
            }[];
            intercept: number;
            metrics: {
              holdout: {
                auc: number | null;
                badRate: number;
                bads: number;
                brier: number | null;
                calibration: {
                  bads: number;
                  count: number;
                  from: number;
                  observed: number;
                  predicted: number;
                  to: number;
                }[];
                gini: number | null;
                ks: number | null;
                logLoss: number | null;
                n: number;
                /** @description Goods and bads per score band [from + k·width, from + (k+1)·width); the last band includes the maximum. */
                scoreHistogram: {
                  bads: number[];
                  from: number;
                  goods: number[];
                  width: number;
                };
              } | null;
              train: {
                auc: number | null;
                badRate: number;
                bads: number;
                brier: number | null;
                calibration: {
                  bads: number;
                  count: number;
                  from: number;
                  observed: number;
                  predicted: number;
                  to: number;
                }[];
                gini: number | null;
                ks: number | null;
                logLoss: number | null;
                n: number;
                /** @description Goods and bads per score band [from + k·width, from + (k+1)·width); the last band includes the maximum. */
                scoreHistogram: {
                  bads: number[];
                  from: number;
                  goods: number[];
                  width: number;
                };
              };
            };
            rounding: {
              /** @description Largest |integer total − unrounded score| over the training rows. */
              trainingMax: number;
              /** @description Largest |integer total − unrounded score| over all bin combinations. */
              worstCase: number;
            };
            scaling: {
              baseOdds: number;
              baseScore: number;
              factor: number;
              maxScore: number;
              minScore: number;
              offset: number;
              pdo: number;
            };
            /** @enum {string} */
            schema: 'credence.scorecard/1';
            smoothing: {
              alpha: number;
            };
            target: {
              bad: string;
              column: string;
              good: string[];
            };
            /** @description When the model was trained (RFC 3339). */
            trainedAt: string;
            training: {
              bads: number;
              columns: string[];
              fingerprint: string;
              goods: number;
              /** @description The training options as given (binning, selection, regression, specials, manual bins). */
              options: {
                [key: string]: unknown;
              };
              regression: {
                converged: boolean;
                gradientNorm: number;
                iterations: number;
                l2: number;
                logLikelihood: number;
                refits: number;
              };
              rows: number;
            };
            version: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              model: {
                activatedAt: string | null;
                /** @description sha256:<hex> of the canonical artefact. */
                contentHash: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                createdBy: string | null;
                featureCount: number;
                holdoutAuc: number | null;
                retiredAt: string | null;
                /** @enum {string} */
                status: 'candidate' | 'active' | 'retired';
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                trainedAt: string;
                version: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/models/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One model with its artefact.
     * @description Roles: admin, app, reviewer, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The model version. */
          version: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A Credence scorecard artefact (schema credence.scorecard/1). */
              artefact: {
                basePoints: number;
                contentHash: string;
                dimensions: {
                  /** @enum {string} */
                  fallback: 'identity' | 'capacity' | 'history' | 'relationships' | 'behaviour';
                  overrides: {
                    [key: string]: 'identity' | 'capacity' | 'history' | 'relationships' | 'behaviour';
                  };
                  rules: {
                    /** @enum {string} */
                    dimension: 'identity' | 'capacity' | 'history' | 'relationships' | 'behaviour';
                    pattern: string;
                  }[];
                };
                dropped: {
                  detail: string;
                  feature: string;
                  /** @enum {string} */
                  reason:
                    | 'excluded'
                    | 'no-variation'
                    | 'low-iv'
                    | 'correlated'
                    | 'high-vif'
                    | 'wrong-sign'
                    | 'not-significant';
                }[];
                features: {
                  bins: (
                    | {
                        bads: number;
                        count: number;
                        eventRate: number;
                        goods: number;
                        iv: number;
                        /** @enum {string} */
                        kind: 'interval';
                        lower: number | null;
                        /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                        points: number;
                        /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                        text: string;
                        upper: number | null;
                        woe: number;
                      }
                    | {
                        bads: number;
                        count: number;
                        eventRate: number;
                        goods: number;
                        iv: number;
                        /** @enum {string} */
                        kind: 'special';
                        /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                        points: number;
                        /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                        text: string;
                        value: number;
                        woe: number;
                      }
                    | {
                        bads: number;
                        count: number;
                        eventRate: number;
                        goods: number;
                        iv: number;
                        /** @enum {string} */
                        kind: 'missing';
                        /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                        points: number;
                        /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                        text: string;
                        woe: number;
                      }
                    | {
                        bads: number;
                        categories: string[];
                        count: number;
                        eventRate: number;
                        goods: number;
                        iv: number;
                        /** @enum {string} */
                        kind: 'categories';
                        /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                        points: number;
                        /** @description Rare categories pooled into this bin. */
                        rare: string[];
                        /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                        text: string;
                        woe: number;
                      }
                    | {
                        bads: number;
                        count: number;
                        eventRate: number;
                        goods: number;
                        iv: number;
                        /** @enum {string} */
                        kind: 'unknown';
                        /** @description Integer points of the bin; a score is the base plus the points of its bins. */
                        points: number;
                        /** @description The bin as text: "[130, 250)", "missing", "{owner, parents}". */
                        text: string;
                        woe: number;
                      }
                  )[];
                  coefficient: number;
                  /** @enum {string} */
                  dimension: 'identity' | 'capacity' | 'history' | 'relationships' | 'behaviour';
                  iv: number;
                  kind: 'numeric' | 'categorical';
                  label: {
                    en: string;
                    zh: string;
                  };
                  name: string;
                  pValue: number | null;
                  standardError: number | null;
                  trend: 'ascending' | 'descending' | 'peak' | 'valley' | 'none' | 'manual';
                  valueFormat?: 'percent' | 'yuan';
                }[];
                intercept: number;
                metrics: {
                  holdout: {
                    auc: number | null;
                    badRate: number;
                    bads: number;
                    brier: number | null;
                    calibration: {
                      bads: number;
                      count: number;
                      from: number;
                      observed: number;
                      predicted: number;
                      to: number;
                    }[];
                    gini: number | null;
                    ks: number | null;
                    logLoss: number | null;
                    n: number;
                    /** @description Goods and bads per score band [from + k·width, from + (k+1)·width); the last band includes the maximum. */
                    scoreHistogram: {
                      bads: number[];
                      from: number;
                      goods: number[];
                      width: number;
                    };
                  } | null;
                  train: {
                    auc: number | null;
                    badRate: number;
                    bads: number;
                    brier: number | null;
                    calibration: {
                      bads: number;
                      count: number;
                      from: number;
                      observed: number;
                      predicted: number;
                      to: number;
                    }[];
                    gini: number | null;
                    ks: number | null;
                    logLoss: number | null;
                    n: number;
                    /** @description Goods and bads per score band [from + k·width, from + (k+1)·width); the last band includes the maximum. */
                    scoreHistogram: {
                      bads: number[];
                      from: number;
                      goods: number[];
                      width: number;
                    };
                  };
                };
                rounding: {
                  /** @description Largest |integer total − unrounded score| over the training rows. */
                  trainingMax: number;
                  /** @description Largest |integer total − unrounded score| over all bin combinations. */
                  worstCase: number;
                };
                scaling: {
                  baseOdds: number;
                  baseScore: number;
                  factor: number;
                  maxScore: number;
                  minScore: number;
                  offset: number;
                  pdo: number;
                };
                /** @enum {string} */
                schema: 'credence.scorecard/1';
                smoothing: {
                  alpha: number;
                };
                target: {
                  bad: string;
                  column: string;
                  good: string[];
                };
                /** @description When the model was trained (RFC 3339). */
                trainedAt: string;
                training: {
                  bads: number;
                  columns: string[];
                  fingerprint: string;
                  goods: number;
                  /** @description The training options as given (binning, selection, regression, specials, manual bins). */
                  options: {
                    [key: string]: unknown;
                  };
                  regression: {
                    converged: boolean;
                    gradientNorm: number;
                    iterations: number;
                    l2: number;
                    logLikelihood: number;
                    refits: number;
                  };
                  rows: number;
                };
                version: string;
              };
              model: {
                activatedAt: string | null;
                /** @description sha256:<hex> of the canonical artefact. */
                contentHash: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                createdBy: string | null;
                featureCount: number;
                holdoutAuc: number | null;
                retiredAt: string | null;
                /** @enum {string} */
                status: 'candidate' | 'active' | 'retired';
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                trainedAt: string;
                version: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/models/{version}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask for a model to become the active one (four-eyes); approval activates it.
     * @description Submits a change request (202); a second person approves it at POST /v1/approvals/{changeId}/approve, which activates the model and retires the previously active one in one transaction. 409 when the model is already active.
     *
     *     Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The model version. */
          version: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              };
              changeId: string;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/monitoring/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Thresholds crossed: drift (PSI/CSI ≥ 0.1 warning, ≥ 0.25 critical) and outages.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description First business date, YYYY-MM-DD (default: a window ending at `to`). */
          from?: string;
          /** @description Weeks with fewer decisions are flagged low-volume (default 100). */
          minDecisions?: string;
          /** @description A model version; default the active model. */
          model?: string;
          /** @description A product code (cash_loan, credit_line); default all. */
          product?: string;
          /** @description Last business date, YYYY-MM-DD (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              alerts: {
                from: string;
                /** @description score-drift, characteristic-drift, low-volume, outage or no-active-model. */
                kind: string;
                reason: string;
                severity: 'info' | 'warning' | 'critical';
                subject: string;
                threshold: number;
                to: string;
                value: number;
              }[];
              counts: {
                critical: number;
                info: number;
                warning: number;
              };
              window: {
                from: string;
                product: string | null;
                to: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/monitoring/drift': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Score PSI and characteristic CSI per week against the model’s training sample.
     * @description Over the model’s own bins (ε = 1e-4; < 0.1 stable, < 0.25 monitor, else unstable), for the decisions that model scored. Default window: the 56 days to today; 422 when no model is active and none is named.
     *
     *     Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description First business date, YYYY-MM-DD (default: a window ending at `to`). */
          from?: string;
          /** @description Weeks with fewer decisions are flagged low-volume (default 100). */
          minDecisions?: string;
          /** @description A model version; default the active model. */
          model?: string;
          /** @description A product code (cash_loan, credit_line); default all. */
          product?: string;
          /** @description Last business date, YYYY-MM-DD (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description model, epsilon, scoreDistribution, weeks[{from, to, decisions, psi, csi}], overall. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/monitoring/outcomes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Decision outcomes per day, product and champion/challenger arm.
     * @description Volumes, approval/decline/referral rates, SYSTEM_UNAVAILABLE referrals (outages), average approved limit and APR, principal reasons, appeal re-checks and overrides — from the decision records. Default window: the 28 days to today.
     *
     *     Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description First business date, YYYY-MM-DD (default: a window ending at `to`). */
          from?: string;
          /** @description A product code (cash_loan, credit_line); default all. */
          product?: string;
          /** @description Last business date, YYYY-MM-DD (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              days: {
                approvalRate: string | null;
                /**
                 * @description Sum of approved limits, in yuan ("65000.01").
                 * @example 1234.56
                 */
                approvedLimitTotal: string;
                /**
                 * @description Sum of approved limits, in integer fen ("6500001").
                 * @example 800000
                 */
                approvedLimitTotalFen: string;
                arm: string;
                averageApprovedApr: string | null;
                averageApprovedLimit: string | null;
                averageApprovedLimitFen: string | null;
                byKind: {
                  application: number;
                  limitReview: number;
                  recheck: number;
                };
                date: string;
                /** @description Applications, limit reviews and re-checks. */
                decisions: number;
                declineRate: string | null;
                outcomes: {
                  approved: number;
                  declined: number;
                  referred: number;
                };
                overrides: {
                  approved: number;
                  declined: number;
                  referred: number;
                  total: number;
                };
                product: string;
                reasons: {
                  code: string;
                  decisions: number;
                  first: number;
                  share: string | null;
                }[];
                rechecks: {
                  approved: number;
                  declined: number;
                  referred: number;
                };
                referralRate: string | null;
                /** @description Referred with SYSTEM_UNAVAILABLE: a dependency failed. */
                systemUnavailable: number;
                systemUnavailableRate: string | null;
              }[];
              summary: {
                approvalRate: string | null;
                /**
                 * @description Sum of approved limits, in yuan ("65000.01").
                 * @example 1234.56
                 */
                approvedLimitTotal: string;
                /**
                 * @description Sum of approved limits, in integer fen ("6500001").
                 * @example 800000
                 */
                approvedLimitTotalFen: string;
                arm: string;
                averageApprovedApr: string | null;
                averageApprovedLimit: string | null;
                averageApprovedLimitFen: string | null;
                byKind: {
                  application: number;
                  limitReview: number;
                  recheck: number;
                };
                /** @description Applications, limit reviews and re-checks. */
                decisions: number;
                declineRate: string | null;
                outcomes: {
                  approved: number;
                  declined: number;
                  referred: number;
                };
                overrides: {
                  approved: number;
                  declined: number;
                  referred: number;
                  total: number;
                };
                product: string;
                reasons: {
                  code: string;
                  decisions: number;
                  first: number;
                  share: string | null;
                }[];
                rechecks: {
                  approved: number;
                  declined: number;
                  referred: number;
                };
                referralRate: string | null;
                /** @description Referred with SYSTEM_UNAVAILABLE: a dependency failed. */
                systemUnavailable: number;
                systemUnavailableRate: string | null;
              }[];
              total: {
                approvalRate: string | null;
                /**
                 * @description Sum of approved limits, in yuan ("65000.01").
                 * @example 1234.56
                 */
                approvedLimitTotal: string;
                /**
                 * @description Sum of approved limits, in integer fen ("6500001").
                 * @example 800000
                 */
                approvedLimitTotalFen: string;
                averageApprovedApr: string | null;
                averageApprovedLimit: string | null;
                averageApprovedLimitFen: string | null;
                byKind: {
                  application: number;
                  limitReview: number;
                  recheck: number;
                };
                /** @description Applications, limit reviews and re-checks. */
                decisions: number;
                declineRate: string | null;
                outcomes: {
                  approved: number;
                  declined: number;
                  referred: number;
                };
                overrides: {
                  approved: number;
                  declined: number;
                  referred: number;
                  total: number;
                };
                reasons: {
                  code: string;
                  decisions: number;
                  first: number;
                  share: string | null;
                }[];
                rechecks: {
                  approved: number;
                  declined: number;
                  referred: number;
                };
                referralRate: string | null;
                /** @description Referred with SYSTEM_UNAVAILABLE: a dependency failed. */
                systemUnavailable: number;
                systemUnavailableRate: string | null;
              };
              window: {
                from: string;
                product: string | null;
                to: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/monitoring/performance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bad rate (30+ days past due, or written off) by score band and vintage: cash loans and credit lines.
     * @description Loans drawn and credit lines opened in the window, each with the score and PD of the decision that set its facility, against how it has performed. A line is bad once a statement minimum stays unmet 30+ days past its due date (or it is charged off); its vintage is the month it was opened. Default window: the 365 days to today.
     *
     *     Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description First business date, YYYY-MM-DD (default: a window ending at `to`). */
          from?: string;
          /** @description cash_loan (loans drawn in the window) or credit_line (lines opened in it); default both, combined and per product. */
          product?: string;
          /** @description Last business date, YYYY-MM-DD (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              badDaysPastDue: number;
              bands: {
                badRate: string | null;
                bads: number;
                band: string;
                expectedBadRate: number | null;
                from: number;
                loans: number;
                /** @description Loans that could have gone bad by now: the bad rate’s denominator. */
                observable: number;
                /**
                 * @description Principal drawn, in yuan ("30000.00").
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Principal drawn, in integer fen ("3000000").
                 * @example 800000
                 */
                principalFen: string;
                to: number;
              }[];
              /** @description Per product, in code order (the asked product alone when one is asked). */
              products: {
                badRate: string | null;
                bads: number;
                expectedBadRate: number | null;
                loans: number;
                /** @description Loans that could have gone bad by now: the bad rate’s denominator. */
                observable: number;
                /**
                 * @description Principal drawn, in yuan ("30000.00").
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Principal drawn, in integer fen ("3000000").
                 * @example 800000
                 */
                principalFen: string;
                product: string;
              }[];
              total: {
                badRate: string | null;
                bads: number;
                expectedBadRate: number | null;
                loans: number;
                /** @description Loans that could have gone bad by now: the bad rate’s denominator. */
                observable: number;
                /**
                 * @description Principal drawn, in yuan ("30000.00").
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Principal drawn, in integer fen ("3000000").
                 * @example 800000
                 */
                principalFen: string;
              };
              unscored: {
                badRate: string | null;
                bads: number;
                expectedBadRate: number | null;
                loans: number;
                /** @description Loans that could have gone bad by now: the bad rate’s denominator. */
                observable: number;
                /**
                 * @description Principal drawn, in yuan ("30000.00").
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Principal drawn, in integer fen ("3000000").
                 * @example 800000
                 */
                principalFen: string;
              };
              vintages: {
                badRate: string | null;
                bads: number;
                bands: {
                  badRate: string | null;
                  bads: number;
                  band: string;
                  expectedBadRate: number | null;
                  loans: number;
                  /** @description Loans that could have gone bad by now: the bad rate’s denominator. */
                  observable: number;
                  /**
                   * @description Principal drawn, in yuan ("30000.00").
                   * @example 1234.56
                   */
                  principal: string;
                  /**
                   * @description Principal drawn, in integer fen ("3000000").
                   * @example 800000
                   */
                  principalFen: string;
                }[];
                expectedBadRate: number | null;
                loans: number;
                /** @description Loans that could have gone bad by now: the bad rate’s denominator. */
                observable: number;
                /**
                 * @description Principal drawn, in yuan ("30000.00").
                 * @example 1234.56
                 */
                principal: string;
                /**
                 * @description Principal drawn, in integer fen ("3000000").
                 * @example 800000
                 */
                principalFen: string;
                /** @description The month drawn, YYYY-MM. */
                vintage: string;
              }[];
              window: {
                from: string;
                product: string | null;
                to: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/monitoring/roll-rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Roll rates: accounts and balances moving between delinquency buckets month end to month end.
     * @description For each product and month: the accounts (and what they owed, per the ledger) in each bucket (M0 current, M1 1–30, M2 31–60, M3+ 61+ days past due, by each contract’s bounds) at the month end, by the state they were in one month later (a bucket, written_off or closed). Buckets at past month ends are derived from the dated history of each account (instalment settlement dates; statement due outcomes). Shares half-even to 6 places. Default window: the 365 days to today.
     *
     *     Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description First business date, YYYY-MM-DD (default: a window ending at `to`). */
          from?: string;
          /** @description A product code (cash_loan, credit_line); default all. */
          product?: string;
          /** @description Last business date, YYYY-MM-DD (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              combined: {
                months: {
                  /** @description That month end. */
                  from: string;
                  /** @description The month whose end the accounts are counted at, YYYY-MM. */
                  month: string;
                  rows: {
                    /** @description Accounts in this bucket at the first month end. */
                    accounts: number;
                    /**
                     * @description What they owed then (all receivables), in yuan.
                     * @example 1234.56
                     */
                    balance: string;
                    /**
                     * @description The same, in integer fen.
                     * @example 800000
                     */
                    balanceFen: string;
                    /** @enum {string} */
                    from: 'M0' | 'M1' | 'M2' | 'M3+';
                    /** @description One cell per state, in `states` order. */
                    to: {
                      accountRate: string | null;
                      accounts: number;
                      /**
                       * @description What these accounts owed at the first month end, in yuan.
                       * @example 1234.56
                       */
                      balance: string;
                      /**
                       * @description The same, in integer fen.
                       * @example 800000
                       */
                      balanceFen: string;
                      /**
                       * @description What the same accounts owed one month later, in yuan.
                       * @example 1234.56
                       */
                      balanceNext: string;
                      /**
                       * @description The same, in integer fen.
                       * @example 800000
                       */
                      balanceNextFen: string;
                      balanceRate: string | null;
                      /** @enum {string} */
                      to: 'M0' | 'M1' | 'M2' | 'M3+' | 'written_off' | 'closed';
                    }[];
                  }[];
                  /** @description The next month end. */
                  to: string;
                }[];
                /** @description Every month of the window added up. */
                total: {
                  /** @description Accounts in this bucket at the first month end. */
                  accounts: number;
                  /**
                   * @description What they owed then (all receivables), in yuan.
                   * @example 1234.56
                   */
                  balance: string;
                  /**
                   * @description The same, in integer fen.
                   * @example 800000
                   */
                  balanceFen: string;
                  /** @enum {string} */
                  from: 'M0' | 'M1' | 'M2' | 'M3+';
                  /** @description One cell per state, in `states` order. */
                  to: {
                    accountRate: string | null;
                    accounts: number;
                    /**
                     * @description What these accounts owed at the first month end, in yuan.
                     * @example 1234.56
                     */
                    balance: string;
                    /**
                     * @description The same, in integer fen.
                     * @example 800000
                     */
                    balanceFen: string;
                    /**
                     * @description What the same accounts owed one month later, in yuan.
                     * @example 1234.56
                     */
                    balanceNext: string;
                    /**
                     * @description The same, in integer fen.
                     * @example 800000
                     */
                    balanceNextFen: string;
                    balanceRate: string | null;
                    /** @enum {string} */
                    to: 'M0' | 'M1' | 'M2' | 'M3+' | 'written_off' | 'closed';
                  }[];
                }[];
              };
              products: {
                months: {
                  /** @description That month end. */
                  from: string;
                  /** @description The month whose end the accounts are counted at, YYYY-MM. */
                  month: string;
                  rows: {
                    /** @description Accounts in this bucket at the first month end. */
                    accounts: number;
                    /**
                     * @description What they owed then (all receivables), in yuan.
                     * @example 1234.56
                     */
                    balance: string;
                    /**
                     * @description The same, in integer fen.
                     * @example 800000
                     */
                    balanceFen: string;
                    /** @enum {string} */
                    from: 'M0' | 'M1' | 'M2' | 'M3+';
                    /** @description One cell per state, in `states` order. */
                    to: {
                      accountRate: string | null;
                      accounts: number;
                      /**
                       * @description What these accounts owed at the first month end, in yuan.
                       * @example 1234.56
                       */
                      balance: string;
                      /**
                       * @description The same, in integer fen.
                       * @example 800000
                       */
                      balanceFen: string;
                      /**
                       * @description What the same accounts owed one month later, in yuan.
                       * @example 1234.56
                       */
                      balanceNext: string;
                      /**
                       * @description The same, in integer fen.
                       * @example 800000
                       */
                      balanceNextFen: string;
                      balanceRate: string | null;
                      /** @enum {string} */
                      to: 'M0' | 'M1' | 'M2' | 'M3+' | 'written_off' | 'closed';
                    }[];
                  }[];
                  /** @description The next month end. */
                  to: string;
                }[];
                product: string;
                /** @description Every month of the window added up. */
                total: {
                  /** @description Accounts in this bucket at the first month end. */
                  accounts: number;
                  /**
                   * @description What they owed then (all receivables), in yuan.
                   * @example 1234.56
                   */
                  balance: string;
                  /**
                   * @description The same, in integer fen.
                   * @example 800000
                   */
                  balanceFen: string;
                  /** @enum {string} */
                  from: 'M0' | 'M1' | 'M2' | 'M3+';
                  /** @description One cell per state, in `states` order. */
                  to: {
                    accountRate: string | null;
                    accounts: number;
                    /**
                     * @description What these accounts owed at the first month end, in yuan.
                     * @example 1234.56
                     */
                    balance: string;
                    /**
                     * @description The same, in integer fen.
                     * @example 800000
                     */
                    balanceFen: string;
                    /**
                     * @description What the same accounts owed one month later, in yuan.
                     * @example 1234.56
                     */
                    balanceNext: string;
                    /**
                     * @description The same, in integer fen.
                     * @example 800000
                     */
                    balanceNextFen: string;
                    balanceRate: string | null;
                    /** @enum {string} */
                    to: 'M0' | 'M1' | 'M2' | 'M3+' | 'written_off' | 'closed';
                  }[];
                }[];
              }[];
              /** @description How the shares are rounded (counts and fen are exact). */
              rounding: string;
              states: ('M0' | 'M1' | 'M2' | 'M3+' | 'written_off' | 'closed')[];
              window: {
                from: string;
                product: string | null;
                to: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/monitoring/shadow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Shadow mode against the champion: agreement matrix, swap sets, limit and price differences.
     * @description Every live decision a shadow policy or model ran beside (on the same point-in-time facts, without acting) in the window: the champion × shadow outcome matrix, swap-ins and swap-outs with the bad rate each model expects of them (mean PD), limit and price differences among the decisions both approve, the reason codes whose frequency differs most, and the shadows that failed. Default window: the 28 days to today.
     *
     *     Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description First business date, YYYY-MM-DD. */
          from?: string;
          /** @description A product code; default all. */
          product?: string;
          /** @description Last business date, YYYY-MM-DD (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              byProduct: {
                [key: string]: {
                  agreed: number;
                  agreementRate: string | null;
                  approvalRate: {
                    challenger: string | null;
                    champion: string | null;
                  };
                  /** @description Among the decisions both sides approve. */
                  approvedBoth: {
                    count: number;
                    /** @description Limit differences (challenger − champion) in whole yuan, cut at −10,000, −1,000, 0, 1, 1,000, 10,000. */
                    limitDifferenceBuckets: {
                      count: number;
                      from: number | null;
                      to: number | null;
                    }[];
                    limitHigher: number;
                    limitLower: number;
                    limitSame: number;
                    meanLimitDifference: string | null;
                    meanLimitDifferenceFen: string | null;
                    /** @description APR differences (challenger − champion) in basis points, cut at −200, −50, 0, 1, 50, 200. */
                    priceDifferenceBuckets: {
                      count: number;
                      from: number | null;
                      to: number | null;
                    }[];
                    priceHigher: number;
                    priceLower: number;
                    priceSame: number;
                  };
                  /** @description Each side’s approved set, by its own model. */
                  expectedBadRate: {
                    challenger: number | null;
                    champion: number | null;
                  };
                  failed: {
                    /** @description By `stage:code`. */
                    byCode: {
                      [key: string]: number;
                    };
                    /** @description Shadow runs that failed (no outcome): recorded, never raised. */
                    count: number;
                  };
                  /** @description Rows: the champion’s outcome; columns: the challenger’s. */
                  matrix: {
                    approved: {
                      approved: number;
                      declined: number;
                      referred: number;
                    };
                    declined: {
                      approved: number;
                      declined: number;
                      referred: number;
                    };
                    referred: {
                      approved: number;
                      declined: number;
                      referred: number;
                    };
                  };
                  /** @description Decisions whose two sets of reason codes differ. */
                  reasonsDiffer: number;
                  /** @description Decisions compared (both sides have an outcome). */
                  records: number;
                  /** @description Approved by the challenger, not by the champion; expected bad rate = mean PD of each model. */
                  swapIns: {
                    count: number;
                    expectedBadRate: {
                      challenger: number | null;
                      champion: number | null;
                    };
                  };
                  /** @description Approved by the champion, not by the challenger. */
                  swapOuts: {
                    count: number;
                    expectedBadRate: {
                      challenger: number | null;
                      champion: number | null;
                    };
                  };
                  topReasonDifferences: {
                    champion: number;
                    code: string;
                    /** @description shadow − champion. */
                    difference: number;
                    shadow: number;
                  }[];
                };
              };
              elapsedMs: {
                max: number | null;
                p50: number | null;
                p95: number | null;
              };
              shadows: {
                modelVersion: string | null;
                policyVersionId: string | null;
                records: number;
              }[];
              total: {
                agreed: number;
                agreementRate: string | null;
                approvalRate: {
                  challenger: string | null;
                  champion: string | null;
                };
                /** @description Among the decisions both sides approve. */
                approvedBoth: {
                  count: number;
                  /** @description Limit differences (challenger − champion) in whole yuan, cut at −10,000, −1,000, 0, 1, 1,000, 10,000. */
                  limitDifferenceBuckets: {
                    count: number;
                    from: number | null;
                    to: number | null;
                  }[];
                  limitHigher: number;
                  limitLower: number;
                  limitSame: number;
                  meanLimitDifference: string | null;
                  meanLimitDifferenceFen: string | null;
                  /** @description APR differences (challenger − champion) in basis points, cut at −200, −50, 0, 1, 50, 200. */
                  priceDifferenceBuckets: {
                    count: number;
                    from: number | null;
                    to: number | null;
                  }[];
                  priceHigher: number;
                  priceLower: number;
                  priceSame: number;
                };
                /** @description Each side’s approved set, by its own model. */
                expectedBadRate: {
                  challenger: number | null;
                  champion: number | null;
                };
                failed: {
                  /** @description By `stage:code`. */
                  byCode: {
                    [key: string]: number;
                  };
                  /** @description Shadow runs that failed (no outcome): recorded, never raised. */
                  count: number;
                };
                /** @description Rows: the champion’s outcome; columns: the challenger’s. */
                matrix: {
                  approved: {
                    approved: number;
                    declined: number;
                    referred: number;
                  };
                  declined: {
                    approved: number;
                    declined: number;
                    referred: number;
                  };
                  referred: {
                    approved: number;
                    declined: number;
                    referred: number;
                  };
                };
                /** @description Decisions whose two sets of reason codes differ. */
                reasonsDiffer: number;
                /** @description Decisions compared (both sides have an outcome). */
                records: number;
                /** @description Approved by the challenger, not by the champion; expected bad rate = mean PD of each model. */
                swapIns: {
                  count: number;
                  expectedBadRate: {
                    challenger: number | null;
                    champion: number | null;
                  };
                };
                /** @description Approved by the champion, not by the challenger. */
                swapOuts: {
                  count: number;
                  expectedBadRate: {
                    challenger: number | null;
                    champion: number | null;
                  };
                };
                topReasonDifferences: {
                  champion: number;
                  code: string;
                  /** @description shadow − champion. */
                  difference: number;
                  shadow: number;
                }[];
              };
              window: {
                from: string;
                product: string | null;
                to: string;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/monitoring/simulations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replay recorded decisions under a candidate policy: swap set, rates, limits, prices, risk.
     * @description The candidate (a JDM graph) is compiled and checked as a policy version would be, then evaluated on the policy document each decision recorded, priced under the legal cap of its date. Nothing is stored unless `save` is given (then it is loaded as a new policy version after the run). Default window: the 90 days to today.
     *
     *     Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description YYYY-MM-DD. */
            from?: string;
            /** @description The candidate policy: a GoRules JDM graph. */
            policy: {
              [key: string]: unknown;
            };
            product?: string;
            save?: {
              description?: string;
              /** @description YYYY-MM-DD. */
              effectiveFrom: string;
              /** @description Policy name, e.g. default. */
              name: string;
            };
            /** @description YYYY-MM-DD. */
            to?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description checksum, warnings of the static checks, saved version (or null). */
              candidate: {
                [key: string]: unknown;
              };
              elapsedMs: number;
              recordsRead: number;
              /** @description total, products (with bands), bands, reproduction, failed, skipped. */
              report: {
                [key: string]: unknown;
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List policy versions.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: {
          /** @description Only versions of this policy. */
          name?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              policies: {
                /** @description Its four-eyes change (null for versions loaded before four-eyes). */
                changeId: string | null;
                /** @description SHA-256 of the graph as canonical JSON. */
                checksum: string;
                description: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @description A policy id (pol_…). */
                id: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                loadedAt: string;
                name: string;
                /**
                 * @description pending_approval until a second person approves; in force from effectiveFrom once approved.
                 * @enum {string}
                 */
                status: 'pending_approval' | 'approved' | 'rejected' | 'superseded';
                version: number;
                /** @description Findings of the static checks that did not refuse the file. */
                warnings: {
                  code: string;
                  columnId?: string;
                  columnName?: string;
                  message: string;
                  nodeId?: string;
                  nodeName?: string;
                  rowId?: string;
                  /** @enum {string} */
                  severity: 'error' | 'warning';
                }[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Submit a policy version (a GoRules JDM graph) with an effective date, pending approval.
     * @description Four-eyes: the version is stored as pending_approval (202) and takes effect from its date only when a second person approves it at POST /v1/approvals/{changeId}/approve. The graph is compiled and statically checked first: anything outside the supported subset, and rows no input can reach, refuse it (422, one error per problem naming node, row and column); gaps and overlaps are returned as warnings. The same graph with the same date again returns the existing version (200). The first policy of a fresh database takes effect at once (201, bootstrap).
     *
     *     Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The JDM decision graph. */
            content: {
              [key: string]: unknown;
            };
            description?: string;
            /**
             * @description A business date, YYYY-MM-DD (Asia/Shanghai).
             * @example 2026-11-22
             */
            effectiveFrom: string;
            name: string;
            /** @description A policySimulation id (sim_…). */
            simulationId?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              } | null;
              created: boolean;
              policy: {
                /** @description Its four-eyes change (null for versions loaded before four-eyes). */
                changeId: string | null;
                /** @description SHA-256 of the graph as canonical JSON. */
                checksum: string;
                description: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @description A policy id (pol_…). */
                id: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                loadedAt: string;
                name: string;
                /**
                 * @description pending_approval until a second person approves; in force from effectiveFrom once approved.
                 * @enum {string}
                 */
                status: 'pending_approval' | 'approved' | 'rejected' | 'superseded';
                version: number;
                /** @description Findings of the static checks that did not refuse the file. */
                warnings: {
                  code: string;
                  columnId?: string;
                  columnName?: string;
                  message: string;
                  nodeId?: string;
                  nodeName?: string;
                  rowId?: string;
                  /** @enum {string} */
                  severity: 'error' | 'warning';
                }[];
              };
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              } | null;
              created: boolean;
              policy: {
                /** @description Its four-eyes change (null for versions loaded before four-eyes). */
                changeId: string | null;
                /** @description SHA-256 of the graph as canonical JSON. */
                checksum: string;
                description: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @description A policy id (pol_…). */
                id: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                loadedAt: string;
                name: string;
                /**
                 * @description pending_approval until a second person approves; in force from effectiveFrom once approved.
                 * @enum {string}
                 */
                status: 'pending_approval' | 'approved' | 'rejected' | 'superseded';
                version: number;
                /** @description Findings of the static checks that did not refuse the file. */
                warnings: {
                  code: string;
                  columnId?: string;
                  columnName?: string;
                  message: string;
                  nodeId?: string;
                  nodeName?: string;
                  rowId?: string;
                  /** @enum {string} */
                  severity: 'error' | 'warning';
                }[];
              };
            };
          };
        };
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              change: {
                /** @description Took effect without a second person: the first policy or settings of a fresh database, or demo seeding. */
                bootstrap: boolean;
                /** @description A changeRequest id (chg_…). */
                changeId: string;
                decidedAt: string | null;
                decidedBy: string | null;
                /**
                 * @description From this date on, once approved.
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @enum {string} */
                kind: 'policy' | 'model' | 'settings';
                note: string;
                /** @description Where to read what it changes: /v1/policies/pol_… (a policy version), /v1/models/<version>, or /v1/approvals/chg_… (a lending setting). */
                payloadRef: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                requestedAt: string;
                /** @description The name of the person (key or staff user) who asked. */
                requestedBy: string;
                /** @description A simulation of the candidate policy, attached by the requester. */
                simulationId: string | null;
                /** @enum {string} */
                status: 'pending' | 'approved' | 'rejected' | 'superseded';
                summary: string;
              } | null;
              created: boolean;
              policy: {
                /** @description Its four-eyes change (null for versions loaded before four-eyes). */
                changeId: string | null;
                /** @description SHA-256 of the graph as canonical JSON. */
                checksum: string;
                description: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @description A policy id (pol_…). */
                id: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                loadedAt: string;
                name: string;
                /**
                 * @description pending_approval until a second person approves; in force from effectiveFrom once approved.
                 * @enum {string}
                 */
                status: 'pending_approval' | 'approved' | 'rejected' | 'superseded';
                version: number;
                /** @description Findings of the static checks that did not refuse the file. */
                warnings: {
                  code: string;
                  columnId?: string;
                  columnName?: string;
                  message: string;
                  nodeId?: string;
                  nodeName?: string;
                  rowId?: string;
                  /** @enum {string} */
                  severity: 'error' | 'warning';
                }[];
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One policy version with its graph.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A policy id (pol_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description The JDM decision graph. */
              content: {
                [key: string]: unknown;
              };
              policy: {
                /** @description Its four-eyes change (null for versions loaded before four-eyes). */
                changeId: string | null;
                /** @description SHA-256 of the graph as canonical JSON. */
                checksum: string;
                description: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @description A policy id (pol_…). */
                id: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                loadedAt: string;
                name: string;
                /**
                 * @description pending_approval until a second person approves; in force from effectiveFrom once approved.
                 * @enum {string}
                 */
                status: 'pending_approval' | 'approved' | 'rejected' | 'superseded';
                version: number;
                /** @description Findings of the static checks that did not refuse the file. */
                warnings: {
                  code: string;
                  columnId?: string;
                  columnName?: string;
                  message: string;
                  nodeId?: string;
                  nodeName?: string;
                  rowId?: string;
                  /** @enum {string} */
                  severity: 'error' | 'warning';
                }[];
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/compile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Compile and check a graph as a submission would, without storing anything.
     * @description Every refusal located where the editor shows it: node, row (the decision-table rule id) and column (the field it reads or writes), with the rule and a message. Product ranges are those of the products `name` (default `default`) decides on `effectiveFrom` (default today).
     *
     *     Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description A business date, YYYY-MM-DD (Asia/Shanghai).
             * @example 2026-11-22
             */
            effectiveFrom?: string;
            /** @description The JDM decision graph. */
            graph: {
              [key: string]: unknown;
            };
            name?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
              refusals: {
                /** @description The input or output field of the column (applicant.age, limit), else its name. */
                column: string | null;
                /** @description policy.nodes.<node>.rules.<row>.<column> */
                field: string;
                message: string;
                nodeId: string | null;
                nodeName: string | null;
                /** @description The decision-table rule id. */
                row: string | null;
                rule: string;
              }[];
              warnings: {
                /** @description The input or output field of the column (applicant.age, limit), else its name. */
                column: string | null;
                /** @description policy.nodes.<node>.rules.<row>.<column> */
                field: string;
                message: string;
                nodeId: string | null;
                nodeName: string | null;
                /** @description The decision-table rule id. */
                row: string | null;
                rule: string;
              }[];
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Structured diff of two policy versions: nodes, columns, rows (cell by cell, moves), expressions, edges.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query: {
          /** @description A policy id (pol_…). */
          from: string;
          /** @description A policy id (pol_…). */
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description See docs/policy.md for the shape. */
              diff: {
                [key: string]: unknown;
              };
              from: {
                /** @description Its four-eyes change (null for versions loaded before four-eyes). */
                changeId: string | null;
                /** @description SHA-256 of the graph as canonical JSON. */
                checksum: string;
                description: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @description A policy id (pol_…). */
                id: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                loadedAt: string;
                name: string;
                /**
                 * @description pending_approval until a second person approves; in force from effectiveFrom once approved.
                 * @enum {string}
                 */
                status: 'pending_approval' | 'approved' | 'rejected' | 'superseded';
                version: number;
                /** @description Findings of the static checks that did not refuse the file. */
                warnings: {
                  code: string;
                  columnId?: string;
                  columnName?: string;
                  message: string;
                  nodeId?: string;
                  nodeName?: string;
                  rowId?: string;
                  /** @enum {string} */
                  severity: 'error' | 'warning';
                }[];
              };
              to: {
                /** @description Its four-eyes change (null for versions loaded before four-eyes). */
                changeId: string | null;
                /** @description SHA-256 of the graph as canonical JSON. */
                checksum: string;
                description: string;
                /**
                 * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                 * @example 2026-11-22
                 */
                effectiveFrom: string;
                /** @description A policy id (pol_…). */
                id: string;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                loadedAt: string;
                name: string;
                /**
                 * @description pending_approval until a second person approves; in force from effectiveFrom once approved.
                 * @enum {string}
                 */
                status: 'pending_approval' | 'approved' | 'rejected' | 'superseded';
                version: number;
                /** @description Findings of the static checks that did not refuse the file. */
                warnings: {
                  code: string;
                  columnId?: string;
                  columnName?: string;
                  message: string;
                  nodeId?: string;
                  nodeName?: string;
                  rowId?: string;
                  /** @enum {string} */
                  severity: 'error' | 'warning';
                }[];
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/simulations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a simulation of a candidate graph (or a stored version) over past decisions.
     * @description Runs in the background (at most two at once; the rest wait in order): poll GET /v1/policies/simulations/{id} for progress and the report. A graph outside the subset is refused at once (422).
     *
     *     Roles: admin, analyst.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description A business date, YYYY-MM-DD (Asia/Shanghai).
             * @example 2026-11-22
             */
            from?: string;
            /** @description A candidate JDM graph. */
            graph?: {
              [key: string]: unknown;
            };
            /** @description A policy id (pol_…). */
            policyId?: string;
            product?: string;
            /**
             * @description A business date, YYYY-MM-DD (Asia/Shanghai).
             * @example 2026-11-22
             */
            to?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description A policySimulation id (sim_…). */
              simulationId: string;
              /** @enum {string} */
              status: 'queued' | 'running' | 'done' | 'failed';
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policies/simulations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Progress of a simulation (records done of total) and, when done, its report.
     * @description Roles: admin, analyst.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A policySimulation id (sim_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * Format: date-time
               * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
               */
              createdAt: string;
              /** @description Decision records read so far. */
              done: number;
              error?: {
                code: string;
                message: string;
              };
              finishedAt: string | null;
              report?: {
                candidate: {
                  approvalRate: string | null;
                  approved: number;
                  averageApr: string | null;
                  averageLimit: string | null;
                  averageLimitFen: string | null;
                  declined: number;
                  expectedBadRate: number | null;
                  /**
                   * @description Sum of approved limits (exposure offered), yuan.
                   * @example 1234.56
                   */
                  limitTotal: string;
                  /**
                   * @description Amount in integer fen, as a string ("123456" is ¥1,234.56).
                   * @example 800000
                   */
                  limitTotalFen: string;
                  referred: number;
                };
                current: {
                  approvalRate: string | null;
                  approved: number;
                  averageApr: string | null;
                  averageLimit: string | null;
                  averageLimitFen: string | null;
                  declined: number;
                  expectedBadRate: number | null;
                  /**
                   * @description Sum of approved limits (exposure offered), yuan.
                   * @example 1234.56
                   */
                  limitTotal: string;
                  /**
                   * @description Amount in integer fen, as a string ("123456" is ¥1,234.56).
                   * @example 800000
                   */
                  limitTotalFen: string;
                  referred: number;
                };
                /** @description Records the candidate could not evaluate. */
                failed: number;
                /** @description Among records approved both times. */
                limits: {
                  lowered: number;
                  raised: number;
                  unchanged: number;
                };
                /** @description Among records approved both times. */
                prices: {
                  lowered: number;
                  raised: number;
                  unchanged: number;
                };
                /** @description Decisions replayed. */
                records: number;
                reproduction: {
                  /** @description Records decided by the candidate’s own graph. */
                  records: number;
                  /** @description Of which the replay gave back the recorded decision. */
                  reproduced: number;
                };
                skipped: {
                  faults: number;
                  overrides: number;
                };
                swapIns: {
                  count: number;
                  expectedBadRate: number | null;
                  /** @description The first 20 met, for a person to look at. */
                  samples: {
                    after: {
                      apr: string | null;
                      /**
                       * @description Amount in yuan as a decimal string, e.g. "1234.56".
                       * @example 1234.56
                       */
                      limit: string;
                      /**
                       * @description Amount in integer fen, as a string ("123456" is ¥1,234.56).
                       * @example 800000
                       */
                      limitFen: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    };
                    before: {
                      apr: string | null;
                      /**
                       * @description Amount in yuan as a decimal string, e.g. "1234.56".
                       * @example 1234.56
                       */
                      limit: string;
                      /**
                       * @description Amount in integer fen, as a string ("123456" is ¥1,234.56).
                       * @example 800000
                       */
                      limitFen: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    };
                    /**
                     * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                     * @example 2026-11-22
                     */
                    decisionDate: string;
                    decisionId: string;
                    pd: number | null;
                    product: string;
                    score: number;
                  }[];
                };
                swapOuts: {
                  count: number;
                  expectedBadRate: number | null;
                  /** @description The first 20 met, for a person to look at. */
                  samples: {
                    after: {
                      apr: string | null;
                      /**
                       * @description Amount in yuan as a decimal string, e.g. "1234.56".
                       * @example 1234.56
                       */
                      limit: string;
                      /**
                       * @description Amount in integer fen, as a string ("123456" is ¥1,234.56).
                       * @example 800000
                       */
                      limitFen: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    };
                    before: {
                      apr: string | null;
                      /**
                       * @description Amount in yuan as a decimal string, e.g. "1234.56".
                       * @example 1234.56
                       */
                      limit: string;
                      /**
                       * @description Amount in integer fen, as a string ("123456" is ¥1,234.56).
                       * @example 800000
                       */
                      limitFen: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    };
                    /**
                     * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                     * @example 2026-11-22
                     */
                    decisionDate: string;
                    decisionId: string;
                    pd: number | null;
                    product: string;
                    score: number;
                  }[];
                };
                window: {
                  /**
                   * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                   * @example 2026-11-22
                   */
                  from: string;
                  product: string | null;
                  /**
                   * @description A business date, YYYY-MM-DD (Asia/Shanghai).
                   * @example 2026-11-22
                   */
                  to: string;
                };
              };
              requestedBy: string;
              /** @description A policySimulation id (sim_…). */
              simulationId: string;
              /** @enum {string} */
              status: 'queued' | 'running' | 'done' | 'failed';
              /** @description Decision records in the window. */
              total: number;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The referral queue, newest first; `next` pages on (keyset).
     * @description Roles: admin, reviewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description Cases older than this one (the previous page’s `next`). */
          before?: string;
          /** @description A claimant’s principal id, or "me". */
          claimedBy?: string;
          /** @description 1–500, default 50. */
          limit?: string;
          product?: string;
          /** @description Comma-separated: open, claimed, pending_approval, decided, expired; default the open ones. */
          status?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                claimedAt: string | null;
                claimedBy: {
                  id: string;
                  kind: string;
                  name: string;
                } | null;
                claimExpiresAt: string | null;
                closedBy: ('review' | 'rerun' | 'superseded') | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                decidedAt: string | null;
                /** @description A decision id (dec_…). */
                decisionId: string;
                faultStage: string | null;
                outcome: ('approved' | 'declined' | 'referred') | null;
                product: string;
                proposal: {
                  /**
                   * @description The APR proposed.
                   * @example 0.1825
                   */
                  apr: string;
                  /**
                   * @description The limit proposed, in yuan.
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The limit proposed, in integer fen.
                   * @example 800000
                   */
                  limitFen: string;
                  maker: {
                    id: string;
                    kind: string;
                    name: string;
                  };
                  note: string;
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  proposedAt: string;
                } | null;
                /** @description Why it was referred: the referred decision’s reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW). */
                reasonCodes: string[];
                /** @description A referral id (ref_…). */
                referralId: string;
                resultDecisionId: string | null;
                slaBreached: boolean;
                /**
                 * Format: date-time
                 * @description Answer due by then: the SLA in business hours on the business calendar.
                 */
                slaDueAt: string;
                /**
                 * @description open (also a claim that ran out), claimed, pending_approval (a second person must approve), decided, expired (a newer application answers).
                 * @enum {string}
                 */
                status: 'open' | 'claimed' | 'pending_approval' | 'decided' | 'expired';
                version: number;
              }[];
              next: string | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One case: the case with its SLA, the referred decision with reasons, facts and trace, why it was referred, the decision that closed it, and its history.
     * @description Roles: admin, reviewer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A referral id (ref_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                claimedAt: string | null;
                claimedBy: {
                  id: string;
                  kind: string;
                  name: string;
                } | null;
                claimExpiresAt: string | null;
                closedBy: ('review' | 'rerun' | 'superseded') | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                decidedAt: string | null;
                /** @description A decision id (dec_…). */
                decisionId: string;
                faultStage: string | null;
                outcome: ('approved' | 'declined' | 'referred') | null;
                product: string;
                proposal: {
                  /**
                   * @description The APR proposed.
                   * @example 0.1825
                   */
                  apr: string;
                  /**
                   * @description The limit proposed, in yuan.
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The limit proposed, in integer fen.
                   * @example 800000
                   */
                  limitFen: string;
                  maker: {
                    id: string;
                    kind: string;
                    name: string;
                  };
                  note: string;
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  proposedAt: string;
                } | null;
                /** @description Why it was referred: the referred decision’s reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW). */
                reasonCodes: string[];
                /** @description A referral id (ref_…). */
                referralId: string;
                resultDecisionId: string | null;
                slaBreached: boolean;
                /**
                 * Format: date-time
                 * @description Answer due by then: the SLA in business hours on the business calendar.
                 */
                slaDueAt: string;
                /**
                 * @description open (also a claim that ran out), claimed, pending_approval (a second person must approve), decided, expired (a newer application answers).
                 * @enum {string}
                 */
                status: 'open' | 'claimed' | 'pending_approval' | 'decided' | 'expired';
                version: number;
              };
              decision: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              };
              history: {
                action: string;
                actor: {
                  id: string;
                  kind: string;
                  name: string;
                };
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                at: string;
                /** @description What the action changed. */
                details: {
                  [key: string]: unknown;
                };
                note: string | null;
                seq: number;
                statusAfter: string;
                statusBefore: string | null;
              }[];
              result: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              } | null;
              whyReferred: {
                fault: {
                  [key: string]: unknown;
                } | null;
                reasons: {
                  code: string;
                  kind: string;
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
              };
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a colleague’s decision above their authority (you cannot approve your own).
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A referral id (ref_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                claimedAt: string | null;
                claimedBy: {
                  id: string;
                  kind: string;
                  name: string;
                } | null;
                claimExpiresAt: string | null;
                closedBy: ('review' | 'rerun' | 'superseded') | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                decidedAt: string | null;
                /** @description A decision id (dec_…). */
                decisionId: string;
                faultStage: string | null;
                outcome: ('approved' | 'declined' | 'referred') | null;
                product: string;
                proposal: {
                  /**
                   * @description The APR proposed.
                   * @example 0.1825
                   */
                  apr: string;
                  /**
                   * @description The limit proposed, in yuan.
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The limit proposed, in integer fen.
                   * @example 800000
                   */
                  limitFen: string;
                  maker: {
                    id: string;
                    kind: string;
                    name: string;
                  };
                  note: string;
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  proposedAt: string;
                } | null;
                /** @description Why it was referred: the referred decision’s reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW). */
                reasonCodes: string[];
                /** @description A referral id (ref_…). */
                referralId: string;
                resultDecisionId: string | null;
                slaBreached: boolean;
                /**
                 * Format: date-time
                 * @description Answer due by then: the SLA in business hours on the business calendar.
                 */
                slaDueAt: string;
                /**
                 * @description open (also a claim that ran out), claimed, pending_approval (a second person must approve), decided, expired (a newer application answers).
                 * @enum {string}
                 */
                status: 'open' | 'claimed' | 'pending_approval' | 'decided' | 'expired';
                version: number;
              };
              decision: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take the case (one reviewer at a time; the claim runs out).
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A referral id (ref_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                claimedAt: string | null;
                claimedBy: {
                  id: string;
                  kind: string;
                  name: string;
                } | null;
                claimExpiresAt: string | null;
                closedBy: ('review' | 'rerun' | 'superseded') | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                decidedAt: string | null;
                /** @description A decision id (dec_…). */
                decisionId: string;
                faultStage: string | null;
                outcome: ('approved' | 'declined' | 'referred') | null;
                product: string;
                proposal: {
                  /**
                   * @description The APR proposed.
                   * @example 0.1825
                   */
                  apr: string;
                  /**
                   * @description The limit proposed, in yuan.
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The limit proposed, in integer fen.
                   * @example 800000
                   */
                  limitFen: string;
                  maker: {
                    id: string;
                    kind: string;
                    name: string;
                  };
                  note: string;
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  proposedAt: string;
                } | null;
                /** @description Why it was referred: the referred decision’s reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW). */
                reasonCodes: string[];
                /** @description A referral id (ref_…). */
                referralId: string;
                resultDecisionId: string | null;
                slaBreached: boolean;
                /**
                 * Format: date-time
                 * @description Answer due by then: the SLA in business hours on the business calendar.
                 */
                slaDueAt: string;
                /**
                 * @description open (also a claim that ran out), claimed, pending_approval (a second person must approve), decided, expired (a newer application answers).
                 * @enum {string}
                 */
                status: 'open' | 'claimed' | 'pending_approval' | 'decided' | 'expired';
                version: number;
              };
              decision: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals/{id}/decide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve with a limit and APR inside the product range, the legal cap and your authority (above it a second person approves), or decline with catalogue reasons. Answers the new decision (kind manual_review).
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A referral id (ref_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @description The annual rate granted ("0.146").
             * @example 0.1825
             */
            apr?: string;
            /**
             * @description The limit granted, in yuan ("8000.00").
             * @example 1234.56
             */
            limit?: string;
            /** @description Why, for the record. */
            note: string;
            /** @enum {string} */
            outcome: 'approved' | 'declined';
            reasons?: {
              /** @description A decline reason of the catalogue: BLOCKLISTED, ACTIVE_RISK_HOLD, VERIFICATION_LEVEL_TOO_LOW, AGE_OUTSIDE_RANGE, OVERDUE_HERE, OVERDUE_ELSEWHERE, MULTI_HEAD_BORROWING, SCORE_BELOW_CUTOFF, POLICY_TIGHTENED, THIN_FILE, LIMIT_BELOW_PRODUCT_MINIMUM. */
              code: string;
              /** @description The parameters its text takes (amounts in integer fen as strings). */
              params?: {
                [key: string]: unknown;
              };
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                claimedAt: string | null;
                claimedBy: {
                  id: string;
                  kind: string;
                  name: string;
                } | null;
                claimExpiresAt: string | null;
                closedBy: ('review' | 'rerun' | 'superseded') | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                decidedAt: string | null;
                /** @description A decision id (dec_…). */
                decisionId: string;
                faultStage: string | null;
                outcome: ('approved' | 'declined' | 'referred') | null;
                product: string;
                proposal: {
                  /**
                   * @description The APR proposed.
                   * @example 0.1825
                   */
                  apr: string;
                  /**
                   * @description The limit proposed, in yuan.
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The limit proposed, in integer fen.
                   * @example 800000
                   */
                  limitFen: string;
                  maker: {
                    id: string;
                    kind: string;
                    name: string;
                  };
                  note: string;
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  proposedAt: string;
                } | null;
                /** @description Why it was referred: the referred decision’s reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW). */
                reasonCodes: string[];
                /** @description A referral id (ref_…). */
                referralId: string;
                resultDecisionId: string | null;
                slaBreached: boolean;
                /**
                 * Format: date-time
                 * @description Answer due by then: the SLA in business hours on the business calendar.
                 */
                slaDueAt: string;
                /**
                 * @description open (also a claim that ran out), claimed, pending_approval (a second person must approve), decided, expired (a newer application answers).
                 * @enum {string}
                 */
                status: 'open' | 'claimed' | 'pending_approval' | 'decided' | 'expired';
                version: number;
              };
              decision: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a colleague’s proposed decision back to the queue, saying why.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A referral id (ref_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            note: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                claimedAt: string | null;
                claimedBy: {
                  id: string;
                  kind: string;
                  name: string;
                } | null;
                claimExpiresAt: string | null;
                closedBy: ('review' | 'rerun' | 'superseded') | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                decidedAt: string | null;
                /** @description A decision id (dec_…). */
                decisionId: string;
                faultStage: string | null;
                outcome: ('approved' | 'declined' | 'referred') | null;
                product: string;
                proposal: {
                  /**
                   * @description The APR proposed.
                   * @example 0.1825
                   */
                  apr: string;
                  /**
                   * @description The limit proposed, in yuan.
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The limit proposed, in integer fen.
                   * @example 800000
                   */
                  limitFen: string;
                  maker: {
                    id: string;
                    kind: string;
                    name: string;
                  };
                  note: string;
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  proposedAt: string;
                } | null;
                /** @description Why it was referred: the referred decision’s reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW). */
                reasonCodes: string[];
                /** @description A referral id (ref_…). */
                referralId: string;
                resultDecisionId: string | null;
                slaBreached: boolean;
                /**
                 * Format: date-time
                 * @description Answer due by then: the SLA in business hours on the business calendar.
                 */
                slaDueAt: string;
                /**
                 * @description open (also a claim that ran out), claimed, pending_approval (a second person must approve), decided, expired (a newer application answers).
                 * @enum {string}
                 */
                status: 'open' | 'claimed' | 'pending_approval' | 'decided' | 'expired';
                version: number;
              };
              decision: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Give the case back to the queue.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A referral id (ref_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                claimedAt: string | null;
                claimedBy: {
                  id: string;
                  kind: string;
                  name: string;
                } | null;
                claimExpiresAt: string | null;
                closedBy: ('review' | 'rerun' | 'superseded') | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                decidedAt: string | null;
                /** @description A decision id (dec_…). */
                decisionId: string;
                faultStage: string | null;
                outcome: ('approved' | 'declined' | 'referred') | null;
                product: string;
                proposal: {
                  /**
                   * @description The APR proposed.
                   * @example 0.1825
                   */
                  apr: string;
                  /**
                   * @description The limit proposed, in yuan.
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The limit proposed, in integer fen.
                   * @example 800000
                   */
                  limitFen: string;
                  maker: {
                    id: string;
                    kind: string;
                    name: string;
                  };
                  note: string;
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  proposedAt: string;
                } | null;
                /** @description Why it was referred: the referred decision’s reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW). */
                reasonCodes: string[];
                /** @description A referral id (ref_…). */
                referralId: string;
                resultDecisionId: string | null;
                slaBreached: boolean;
                /**
                 * Format: date-time
                 * @description Answer due by then: the SLA in business hours on the business calendar.
                 */
                slaDueAt: string;
                /**
                 * @description open (also a claim that ran out), claimed, pending_approval (a second person must approve), decided, expired (a newer application answers).
                 * @enum {string}
                 */
                status: 'open' | 'claimed' | 'pending_approval' | 'decided' | 'expired';
                version: number;
              };
              decision: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals/{id}/rerun': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decide again now, on current data (verification refreshed); a result that no longer refers closes the case with it.
     * @description Roles: admin, reviewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A referral id (ref_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              case: {
                claimedAt: string | null;
                claimedBy: {
                  id: string;
                  kind: string;
                  name: string;
                } | null;
                claimExpiresAt: string | null;
                closedBy: ('review' | 'rerun' | 'superseded') | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                createdAt: string;
                /** @description A customer id (cus_…). */
                customerId: string;
                decidedAt: string | null;
                /** @description A decision id (dec_…). */
                decisionId: string;
                faultStage: string | null;
                outcome: ('approved' | 'declined' | 'referred') | null;
                product: string;
                proposal: {
                  /**
                   * @description The APR proposed.
                   * @example 0.1825
                   */
                  apr: string;
                  /**
                   * @description The limit proposed, in yuan.
                   * @example 1234.56
                   */
                  limit: string;
                  /**
                   * @description The limit proposed, in integer fen.
                   * @example 800000
                   */
                  limitFen: string;
                  maker: {
                    id: string;
                    kind: string;
                    name: string;
                  };
                  note: string;
                  /**
                   * Format: date-time
                   * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                   */
                  proposedAt: string;
                } | null;
                /** @description Why it was referred: the referred decision’s reason codes (SYSTEM_UNAVAILABLE, REFERRED_FOR_REVIEW). */
                reasonCodes: string[];
                /** @description A referral id (ref_…). */
                referralId: string;
                resultDecisionId: string | null;
                slaBreached: boolean;
                /**
                 * Format: date-time
                 * @description Answer due by then: the SLA in business hours on the business calendar.
                 */
                slaDueAt: string;
                /**
                 * @description open (also a claim that ran out), claimed, pending_approval (a second person must approve), decided, expired (a newer application answers).
                 * @enum {string}
                 */
                status: 'open' | 'claimed' | 'pending_approval' | 'decided' | 'expired';
                version: number;
              };
              decision: {
                apr: string | null;
                arm: string | null;
                /** @description A customer id (cus_…). */
                customerId: string;
                dailyRate: string | null;
                /**
                 * Format: date-time
                 * @description An instant, RFC 3339 (e.g. 2026-11-22T08:00:00+08:00).
                 */
                decidedAt: string;
                decisionDate: string;
                /** @description A decision id (dec_…). */
                decisionId: string;
                /** @description Facts, scorecard row, policy document and output, rule trace. */
                evidence?: {
                  facts: {
                    /** @description Whole years on the decision date. */
                    age: number;
                    /**
                     * Format: date-time
                     * @description The decision instant.
                     */
                    asOf: string;
                    /** @description Its business date, YYYY-MM-DD (Asia/Shanghai). */
                    asOfDate: string;
                    /** @description On the blocklist at the instant (absent in records made before it). */
                    blocklisted?: boolean;
                    /** @description A customer id (cus_…). */
                    customerId: string;
                    /** @description For time-decaying features: the instants (epoch ms) their counted units stop counting. */
                    decay: {
                      [key: string]: number[];
                    };
                    facility: {
                      openedAt: string;
                      status: string;
                    } | null;
                    /** @description Every feature of the snapshot by name (money as integer fen, ratios 0–1, null unknown). */
                    features: {
                      [key: string]: (number | string) | null;
                    };
                    /** @description Risk holds in force at the instant. */
                    holds: {
                      expiresAt: string;
                      reasonCode: string;
                    }[];
                    productCode: string;
                    requestedAmount: string | null;
                    terms: {
                      legalRateCaps: {
                        [key: string]: unknown;
                      }[];
                      products: {
                        [key: string]: unknown;
                      }[];
                      riskAppetite: {
                        [key: string]: unknown;
                      }[];
                    } | null;
                    verification: {
                      failures: string[];
                      level: number;
                      provider: string | null;
                    };
                  } | null;
                  modelHash: string | null;
                  policyChecksum: string | null;
                  policyDocument: {
                    [key: string]: unknown;
                  } | null;
                  policyOutput: {
                    [key: string]: unknown;
                  } | null;
                  scorecardRow: {
                    [key: string]: (number | string) | null;
                  } | null;
                  trace:
                    | {
                        /** @description Field path → value, for every field the node reads. */
                        inputs: {
                          [key: string]: unknown;
                        };
                        /** @enum {string} */
                        kind: 'input' | 'output' | 'decisionTable' | 'expression' | 'switch';
                        /** @description Matched row ids or selected statement ids. */
                        matched: string[];
                        nodeId: string;
                        nodeName: string;
                        /** @description A JSON value as the policy graph has it (null, boolean, number, string, array or object). */
                        output: unknown;
                      }[]
                    | null;
                };
                facilityChange: string | null;
                fault: {
                  /** @description timeout, unavailable, error, PROVIDER_UNAVAILABLE. */
                  code: string;
                  /** @description What failed, in words safe to show staff. */
                  message: string;
                  /** @enum {string} */
                  stage: 'snapshot' | 'facility' | 'scoring' | 'policy' | 'provider';
                } | null;
                kind: string;
                legalCap: {
                  /** @description Exact decimal. */
                  annualRate: string;
                  /** @description YYYY-MM-DD */
                  effectiveFrom: string;
                } | null;
                /**
                 * @description The limit in yuan ("8000.00"); 0.00 when declined or referred.
                 * @example 1234.56
                 */
                limit: string;
                /**
                 * @description The limit in integer fen ("800000" is ¥8,000.00).
                 * @example 800000
                 */
                limitFen: string;
                linkedTo: string | null;
                modelVersion: string | null;
                /** @enum {string} */
                outcome: 'approved' | 'declined' | 'referred';
                overridden?: {
                  /** @description A decision id (dec_…). */
                  decisionId: string;
                  reasons: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  recourse: {
                    actions: {
                      byDate: string | null;
                      /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                      code: string;
                      /** @description How hard the step is, relative to the others. */
                      cost: number;
                      /** @description The policy input the action changes (onTimeCycles). */
                      feature: string;
                      /** @description Its value today. */
                      from: number | boolean;
                      /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                      params: {
                        [key: string]:
                          | string
                          | number
                          | boolean
                          | null
                          | {
                              en: string;
                              zh: string;
                            };
                      };
                      text: {
                        en: string;
                        zh: string;
                      };
                      /** @description Its value once the action is done. */
                      to: number | boolean;
                    }[];
                    goal:
                      | {
                          /** @enum {string} */
                          kind: 'approval';
                        }
                      | {
                          /**
                           * @description The amount asked for, in integer fen.
                           * @example 800000
                           */
                          amount: string;
                          /** @enum {string} */
                          kind: 'amount';
                        };
                    reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                    /**
                     * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                     * @enum {string}
                     */
                    status: 'plan' | 'none' | 'not-needed';
                    text: {
                      en: string;
                      zh: string;
                    } | null;
                    totalCost: number | null;
                    verified: {
                      /**
                       * @description The limit on the plan’s values, in integer fen.
                       * @example 800000
                       */
                      limit: string;
                      /** @enum {string} */
                      outcome: 'approved' | 'declined' | 'referred';
                    } | null;
                  } | null;
                } | null;
                override: {
                  apr: string | null;
                  /**
                   * @description The limit the person set, in integer fen.
                   * @example 800000
                   */
                  limit: string;
                  note: string;
                  /** @enum {string} */
                  outcome: 'approved' | 'declined' | 'referred';
                  /** @description The decision it overrides. */
                  overrides: string;
                  /** @description A manual review’s reasons for the customer. */
                  reasons?: {
                    /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                    code: string;
                    /**
                     * @description knockout, limit, referral, system, score, or review (a person decided).
                     * @enum {string}
                     */
                    kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                    /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                  }[];
                  reviewer: string;
                } | null;
                policyVersion: string | null;
                product: string;
                productType: string | null;
                /** @description 1–4 ranked principal reasons for a decline or a reduced limit; on an override, the one reason that a person decided (the overturned reasons are under `overridden`). */
                reasons: {
                  /** @description A policy reason code (MULTI_HEAD_BORROWING) or a score factor (BEH-INQUIRIES_30D). */
                  code: string;
                  /**
                   * @description knockout, limit, referral, system, score, or review (a person decided).
                   * @enum {string}
                   */
                  kind: 'knockout' | 'limit' | 'referral' | 'system' | 'score' | 'review';
                  /** @description The typed parameters the text was rendered from, for staff (amounts in integer fen as strings, rates as decimals, dates YYYY-MM-DD) — evidence as recorded, not an API money field. */
                  params: {
                    [key: string]:
                      | string
                      | number
                      | boolean
                      | null
                      | {
                          en: string;
                          zh: string;
                        };
                  };
                  text: {
                    en: string;
                    zh: string;
                  };
                }[];
                recourse: {
                  actions: {
                    byDate: string | null;
                    /** @description The action: REPAY_ON_TIME, NO_NEW_APPLICATIONS_UNTIL, … */
                    code: string;
                    /** @description How hard the step is, relative to the others. */
                    cost: number;
                    /** @description The policy input the action changes (onTimeCycles). */
                    feature: string;
                    /** @description Its value today. */
                    from: number | boolean;
                    /** @description The typed parameters the text was rendered from (dates, counts, fen strings). */
                    params: {
                      [key: string]:
                        | string
                        | number
                        | boolean
                        | null
                        | {
                            en: string;
                            zh: string;
                          };
                    };
                    text: {
                      en: string;
                      zh: string;
                    };
                    /** @description Its value once the action is done. */
                    to: number | boolean;
                  }[];
                  goal:
                    | {
                        /** @enum {string} */
                        kind: 'approval';
                      }
                    | {
                        /**
                         * @description The amount asked for, in integer fen.
                         * @example 800000
                         */
                        amount: string;
                        /** @enum {string} */
                        kind: 'amount';
                      };
                  reason: ('fixed' | 'too-many-actions' | 'search-limit') | null;
                  /**
                   * @description plan: the cheapest verified plan; none: nothing reachable changes the outcome, or the search gave up; not-needed: the decision already gives what was asked.
                   * @enum {string}
                   */
                  status: 'plan' | 'none' | 'not-needed';
                  text: {
                    en: string;
                    zh: string;
                  } | null;
                  totalCost: number | null;
                  verified: {
                    /**
                     * @description The limit on the plan’s values, in integer fen.
                     * @example 800000
                     */
                    limit: string;
                    /** @enum {string} */
                    outcome: 'approved' | 'declined' | 'referred';
                  } | null;
                } | null;
                requestedAmount: string | null;
                requestedAmountFen: string | null;
                score: number | null;
                subScores: {
                  [key: string]: number;
                } | null;
              } | null;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description RFC 9457 problem details. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              detail: string;
              errors?: {
                field: string;
                message: string;
                rule: string;
              }[];
              instance?: string;
              requestId?: string;
              status: number;
              title: string;
              type: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/referrals/recover': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run the recovery pass now (admin): cases for referred decisions without one, superseded cases closed, undelivered notifications.
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              notificationsDelivered: number;
              opened: number;
              superseded: number;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/staff/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in staff user and the session (its idle expiry moved by this request).
     * @description Caller: a signed-in staff user (the staff console session cookie) only.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Send it back in the x-csrf-token header on every request other than GET/HEAD/OPTIONS. */
              csrfToken: string;
              /**
               * Format: date-time
               * @description Ends here whatever happens (the absolute expiry).
               */
              expiresAt: string;
              /**
               * Format: date-time
               * @description Ends here unless used before (a request moves it, at most once a minute: a request within a minute of the last move answers the expiry as it stands).
               */
              idleExpiresAt: string;
              user: {
                displayName: string;
                id: string;
                /** @enum {string} */
                role: 'reviewer' | 'analyst' | 'admin';
                username: string;
              };
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/staff/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign a staff user in: sets the credence_staff session cookie and answers the session.
     * @description A wrong username and a wrong password answer the same 401. After 5 consecutive failures the account is locked for 15 minutes (429, details.reason "locked" and details.lockedUntil). Failed sign-ins count against the per-address sign-in limit.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Send it back in the x-csrf-token header on every request other than GET/HEAD/OPTIONS. */
              csrfToken: string;
              /**
               * Format: date-time
               * @description Ends here whatever happens (the absolute expiry).
               */
              expiresAt: string;
              /**
               * Format: date-time
               * @description Ends here unless used before (a request moves it, at most once a minute: a request within a minute of the last move answers the expiry as it stands).
               */
              idleExpiresAt: string;
              user: {
                displayName: string;
                id: string;
                /** @enum {string} */
                role: 'reviewer' | 'analyst' | 'admin';
                username: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/staff/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out: the session is revoked and the cookie cleared.
     * @description Caller: a signed-in staff user (the staff console session cookie) only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/staff/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Staff users (never their password hashes).
     * @description Roles: admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              users: {
                /** Format: date-time */
                createdAt: string;
                disabled: boolean;
                displayName: string;
                /** @description Consecutive failed sign-ins since the last good one or lock-out. */
                failedAttempts: number;
                id: string;
                lockedUntil: string | null;
                /** Format: date-time */
                passwordChangedAt: string;
                /** @enum {string} */
                role: 'reviewer' | 'analyst' | 'admin';
                /** Format: date-time */
                updatedAt: string;
                username: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create a staff user.
     * @description username: 1–64 lower-case letters, digits, ".", "_" or "-"; password: 10–200 characters (stored as an scrypt hash).
     *
     *     Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            displayName: string;
            password: string;
            /** @enum {string} */
            role: 'reviewer' | 'analyst' | 'admin';
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: date-time */
                createdAt: string;
                disabled: boolean;
                displayName: string;
                /** @description Consecutive failed sign-ins since the last good one or lock-out. */
                failedAttempts: number;
                id: string;
                lockedUntil: string | null;
                /** Format: date-time */
                passwordChangedAt: string;
                /** @enum {string} */
                role: 'reviewer' | 'analyst' | 'admin';
                /** Format: date-time */
                updatedAt: string;
                username: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/staff/users/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disable a staff user: sign-ins refused, the user's sessions ended.
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A staffUser id (stf_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: date-time */
                createdAt: string;
                disabled: boolean;
                displayName: string;
                /** @description Consecutive failed sign-ins since the last good one or lock-out. */
                failedAttempts: number;
                id: string;
                lockedUntil: string | null;
                /** Format: date-time */
                passwordChangedAt: string;
                /** @enum {string} */
                role: 'reviewer' | 'analyst' | 'admin';
                /** Format: date-time */
                updatedAt: string;
                username: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/staff/users/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enable a staff user again (also lifts a lock-out).
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A staffUser id (stf_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: date-time */
                createdAt: string;
                disabled: boolean;
                displayName: string;
                /** @description Consecutive failed sign-ins since the last good one or lock-out. */
                failedAttempts: number;
                id: string;
                lockedUntil: string | null;
                /** Format: date-time */
                passwordChangedAt: string;
                /** @enum {string} */
                role: 'reviewer' | 'analyst' | 'admin';
                /** Format: date-time */
                updatedAt: string;
                username: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/staff/users/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a staff user's password: lifts a lock-out and ends the user's sessions.
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description A staffUser id (stf_…). */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: date-time */
                createdAt: string;
                disabled: boolean;
                displayName: string;
                /** @description Consecutive failed sign-ins since the last good one or lock-out. */
                failedAttempts: number;
                id: string;
                lockedUntil: string | null;
                /** Format: date-time */
                passwordChangedAt: string;
                /** @enum {string} */
                role: 'reviewer' | 'analyst' | 'admin';
                /** Format: date-time */
                updatedAt: string;
                username: string;
              };
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
