import '@gorules/jdm-editor/dist/style.css';
import './monaco-setup.ts';
import {
  DecisionGraph,
  JdmConfigProvider,
  type DecisionGraphRef,
  type DecisionGraphType,
} from '@gorules/jdm-editor';
import { PageContainer } from '@ant-design/pro-components';
import {
  Alert,
  Badge,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Progress,
  Result,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { ApiProblem } from '../../api/problem.ts';
import { unwrap } from '../api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { asProblem } from '../components/use-load.ts';
import { useLocale } from '../i18n.ts';
import { studioApi, type CompileAnswer, type CompileRefusal, type SimulationProgress } from './contract.ts';
import { SimulationReportView } from './simulation-report.tsx';

type Graph = DecisionGraphType & Record<string, unknown>;
type TableContent = {
  inputs?: { id: string; name?: string; field?: string }[];
  outputs?: { id: string; name?: string; field?: string }[];
  rules?: Record<string, unknown>[];
};

const COMPILE_DEBOUNCE_MS = 600;
/** The editor brings its own antd: the console's darker blue (4.5:1 on white) and hover shades there too. */
const JDM_THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
  },
};
const POLL_MS = 500;

/** Today in Asia/Shanghai (UTC+8 all year), the first date a new version may take effect from. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Badges on the graph's nodes: the editor (React Flow) renders each node with `data-id`, so a style sheet
 * puts the refusal count on the node itself, and outlines it in red (the list below says the same in words).
 */
function refusalStyles(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .map(([nodeId, count]) => {
      const selector = `.studio-editor .react-flow__node[data-id="${CSS.escape(nodeId)}"]`;
      return `${selector}{outline:2px solid #cf1322;outline-offset:2px;border-radius:6px}
${selector}::after{content:"${count}";position:absolute;top:-10px;right:-10px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#cf1322;color:#fff;font:600 12px/20px sans-serif;text-align:center;z-index:10}`;
    })
    .join('\n');
}

/** Where in a table a refusal points: the row's index and the cell's column position. */
function locate(
  graph: Graph,
  refusal: CompileRefusal,
): { rowIndex: number; columnIndex: number } | undefined {
  const node = graph.nodes.find((candidate) => candidate.id === refusal.nodeId);
  const content = node?.content as TableContent | undefined;
  if (!content?.rules) return undefined;
  const rowIndex = refusal.row ? content.rules.findIndex((rule) => rule._id === refusal.row) : -1;
  const columns = [...(content.inputs ?? []), ...(content.outputs ?? [])];
  // The compiler names the column by its name and the cell by a path ending in the column id
  // (policy.nodes.<node>.rules.<row>.<column id>).
  const columnIndex = columns.findIndex(
    (column) =>
      column.id === refusal.column ||
      (column.name !== undefined && column.name === refusal.column) ||
      (refusal.field !== null && refusal.field !== undefined && refusal.field.endsWith(`.${column.id}`)),
  );
  return { rowIndex, columnIndex };
}

export default function PolicyEditor() {
  const { t, format } = useLocale();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const fromId = search.get('from');
  const graphRef = useRef<DecisionGraphRef>(null);
  const [graph, setGraph] = useState<Graph | undefined>(undefined);
  const [base, setBase] = useState<{ id: string; name: string; version: number } | undefined>(undefined);
  const [loadProblem, setLoadProblem] = useState<ApiProblem | undefined>(undefined);
  const [compile, setCompile] = useState<CompileAnswer | undefined>(undefined);
  const [compileProblem, setCompileProblem] = useState<ApiProblem | undefined>(undefined);
  const [compiling, setCompiling] = useState(false);
  const [simOpen, setSimOpen] = useState(false);
  const [simWindow, setSimWindow] = useState(() => ({
    from: daysBefore(shanghaiToday(), 90),
    to: shanghaiToday(),
  }));
  const [simProduct, setSimProduct] = useState<string | undefined>(undefined);
  const [simulation, setSimulation] = useState<SimulationProgress | undefined>(undefined);
  const [simulationId, setSimulationId] = useState<string | undefined>(undefined);
  const [simProblem, setSimProblem] = useState<ApiProblem | undefined>(undefined);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<ApiProblem | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const [submitted, setSubmitted] = useState<{ effectiveFrom: string } | undefined>(undefined);
  const [dirtySinceSimulation, setDirtySinceSimulation] = useState(false);
  const [form] = Form.useForm<{ name: string; effectiveFrom: string; description: string }>();

  // The starting graph: the version asked for (?from=pol_…), else the newest version of the first policy.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        let id = fromId;
        if (!id) {
          const { policies } = await unwrap(studioApi.GET('/v1/policies', {}));
          const newest = [...policies].sort((a, b) => b.version - a.version)[0];
          id = newest?.id ?? null;
        }
        if (!id) {
          if (!cancelled) setGraph({ nodes: [], edges: [] });
          return;
        }
        const answer = await unwrap(studioApi.GET('/v1/policies/{id}', { params: { path: { id } } }));
        if (cancelled) return;
        setBase({ id: answer.policy.id, name: answer.policy.name, version: answer.policy.version });
        setGraph(answer.content as unknown as Graph);
      } catch (caught) {
        if (!cancelled) setLoadProblem(asProblem(caught));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [fromId]);

  // The compiler checks the graph as it is edited (debounced; nothing is written).
  const compileSeq = useRef(0);
  useEffect(() => {
    if (!graph) return undefined;
    const seq = ++compileSeq.current;
    const timer = window.setTimeout(() => {
      setCompiling(true);
      void unwrap(studioApi.POST('/v1/policies/compile', { body: { graph } }))
        .then((answer) => {
          if (seq !== compileSeq.current) return;
          setCompile(answer as CompileAnswer);
          setCompileProblem(undefined);
        })
        .catch((caught: unknown) => {
          if (seq === compileSeq.current) setCompileProblem(asProblem(caught));
        })
        .finally(() => {
          if (seq === compileSeq.current) setCompiling(false);
        });
    }, COMPILE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [graph]);

  const refusals = useMemo(() => compile?.refusals ?? [], [compile]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const refusal of refusals)
      if (refusal.nodeId) map.set(refusal.nodeId, (map.get(refusal.nodeId) ?? 0) + 1);
    return map;
  }, [refusals]);

  const onChange = useCallback((value: DecisionGraphType) => {
    setGraph(value as Graph);
    setDirtySinceSimulation(true);
  }, []);

  /** Go to a refusal: open the node's tab, then select the row and the cell the compiler named. */
  const goTo = useCallback(
    (refusal: CompileRefusal) => {
      if (!refusal.nodeId || !graph) return;
      const editor = graphRef.current;
      editor?.triggerNodeSelect(refusal.nodeId, 'only');
      const place = locate(graph, refusal);
      if (!place) {
        editor?.goToNode(refusal.nodeId);
        return;
      }
      editor?.openTab(refusal.nodeId);
      // The table renders in the tab after the state change: wait for it, then select the cell.
      let tries = 0;
      const select = () => {
        const row = document.querySelector<HTMLTableRowElement>(
          `.studio-editor .grl-dt tr[data-virtual-index="${Math.max(place.rowIndex, 0)}"]`,
        );
        if (!row) {
          if (++tries < 20) window.setTimeout(select, 100);
          return;
        }
        row.scrollIntoView({ block: 'center' });
        document
          .querySelectorAll('.studio-refused-cell')
          .forEach((cell) => cell.classList.remove('studio-refused-cell'));
        const cells = row.querySelectorAll<HTMLTableCellElement>('td');
        const cell = place.columnIndex >= 0 ? cells[place.columnIndex + 1] : cells[1];
        cell?.classList.add('studio-refused-cell');
        const editable = cell?.querySelector<HTMLElement>('[contenteditable="true"], textarea, input');
        editable?.focus();
      };
      window.setTimeout(select, 50);
    },
    [graph],
  );

  // Simulation: start, then poll its progress until the report.
  useEffect(() => {
    if (!simulationId) return undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const progress = await unwrap(
          studioApi.GET('/v1/policies/simulations/{id}', { params: { path: { id: simulationId } } }),
        );
        if (stopped) return;
        setSimulation(progress as SimulationProgress);
        if (progress.status !== 'done' && progress.status !== 'failed')
          window.setTimeout(() => void poll(), POLL_MS);
      } catch (caught) {
        if (!stopped) setSimProblem(asProblem(caught));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [simulationId]);

  const startSimulation = async () => {
    if (!graph) return;
    setSimProblem(undefined);
    setSimulation(undefined);
    setSimulationId(undefined);
    try {
      const answer = await unwrap(
        studioApi.POST('/v1/policies/simulations', {
          body: {
            graph,
            from: simWindow.from,
            to: simWindow.to,
            ...(simProduct ? { product: simProduct } : {}),
          },
        }),
      );
      setDirtySinceSimulation(false);
      setSimulationId(answer.simulationId);
    } catch (caught) {
      setSimProblem(asProblem(caught));
    }
  };

  const submit = async (values: { name: string; effectiveFrom: string; description: string }) => {
    if (!graph) return;
    setSubmitting(true);
    setSubmitProblem(undefined);
    try {
      await unwrap(
        studioApi.POST('/v1/policies', {
          body: {
            name: values.name,
            effectiveFrom: values.effectiveFrom,
            content: graph,
            ...(values.description ? { description: values.description } : {}),
            ...(simulationId && simulation?.status === 'done' && !dirtySinceSimulation
              ? { simulationId }
              : {}),
          },
        }),
      );
      setSubmitOpen(false);
      setSubmitted({ effectiveFrom: values.effectiveFrom });
    } catch (caught) {
      setSubmitProblem(asProblem(caught));
    } finally {
      setSubmitting(false);
    }
  };

  if (loadProblem) return <ProblemAlert problem={loadProblem} />;
  if (submitted)
    return (
      <Result
        status="success"
        title={t('studio.editor.submittedTitle')}
        subTitle={t('studio.editor.submittedDetail', { date: format.date(submitted.effectiveFrom) })}
        extra={[
          <Button key="approvals" type="primary" onClick={() => navigate('/studio/approvals')}>
            {t('studio.editor.toApprovals')}
          </Button>,
          <Button key="policies" onClick={() => navigate('/studio/policies')}>
            {t('studio.editor.toPolicies')}
          </Button>,
        ]}
      />
    );

  const ok = compile?.ok === true && refusals.length === 0;
  const simulationDone = simulation?.status === 'done' && !!simulation.report;
  const percentDone =
    simulation && simulation.total > 0 ? Math.floor((simulation.done / simulation.total) * 100) : 0;

  return (
    <PageContainer
      title={
        base
          ? t('studio.editor.titleFrom', { name: base.name, version: base.version })
          : t('studio.editor.title')
      }
      onBack={() => navigate('/studio/policies')}
      extra={[
        <span key="check" role="status" aria-live="polite">
          {compiling ? (
            <Tag icon={<Spin size="small" />}>{t('studio.editor.checking')}</Tag>
          ) : compile ? (
            ok ? (
              <Tag color="green">{t('studio.editor.compiles')}</Tag>
            ) : (
              <Tag color="red">{t('studio.editor.refused', { count: refusals.length })}</Tag>
            )
          ) : null}
        </span>,
        <Button key="simulate" onClick={() => setSimOpen(true)} disabled={!graph || !ok}>
          {t('studio.editor.simulate')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          disabled={!graph || !ok}
          onClick={() => {
            form.setFieldsValue({
              name: base?.name ?? 'default',
              effectiveFrom: shanghaiToday(),
              description: '',
            });
            setSubmitOpen(true);
          }}
        >
          {t('studio.editor.submit')}
        </Button>,
      ]}
    >
      <style>{refusalStyles(counts)}</style>
      {compileProblem ? (
        <ProblemAlert problem={compileProblem} title={t('studio.editor.compileUnavailable')} />
      ) : null}
      {refusals.length > 0 ? (
        <Card
          size="small"
          className="studio-refusals"
          title={
            <Space>
              <Badge count={refusals.length} />
              <span>{t('studio.editor.refusalsTitle')}</span>
            </Space>
          }
          style={{ marginBottom: 12 }}
        >
          <List
            size="small"
            dataSource={[...refusals]}
            renderItem={(refusal, index) => (
              <List.Item
                key={`${refusal.nodeId}-${refusal.row}-${refusal.column}-${index}`}
                actions={[
                  <Button key="go" size="small" onClick={() => goTo(refusal)} disabled={!refusal.nodeId}>
                    {t('studio.editor.goTo')}
                  </Button>,
                ]}
              >
                <Space wrap>
                  {refusal.nodeName ? <Typography.Text strong>{refusal.nodeName}</Typography.Text> : null}
                  {refusal.row ? <Tag>{t('studio.editor.row', { row: refusal.row })}</Tag> : null}
                  {refusal.column ? <Tag>{t('studio.editor.column', { column: refusal.column })}</Tag> : null}
                  <Tag color="red">{refusal.rule}</Tag>
                  <span>{refusal.message}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {compile?.warnings && compile.warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          banner
          style={{ marginBottom: 12 }}
          message={
            <details>
              <summary>{t('studio.editor.warnings', { count: compile.warnings.length })}</summary>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
                {compile.warnings.map((warning, index) => (
                  <li key={index}>{warning.message}</li>
                ))}
              </ul>
            </details>
          }
        />
      ) : null}
      <div
        className="studio-editor"
        style={{ height: 'calc(100vh - 230px)', minHeight: 560, border: '1px solid #f0f0f0' }}
      >
        {graph ? (
          <JdmConfigProvider theme={JDM_THEME}>
            <DecisionGraph
              ref={graphRef}
              value={graph}
              onChange={onChange}
              defaultActivePanel=""
              onReactFlowInit={(instance) =>
                window.setTimeout(() => void instance.fitView({ padding: 0.1, minZoom: 0.7 }), 50)
              }
            />
          </JdmConfigProvider>
        ) : (
          <div style={{ padding: 48, textAlign: 'center' }}>
            <Spin /> {t('studio.editor.loading')}
          </div>
        )}
      </div>

      <Drawer
        title={t('studio.sim.title')}
        width={Math.min(1100, window.innerWidth - 80)}
        open={simOpen}
        onClose={() => setSimOpen(false)}
        destroyOnClose={false}
      >
        <Space wrap align="end" style={{ marginBottom: 16 }}>
          <label>
            <div>{t('studio.sim.from')}</div>
            <Input
              type="date"
              value={simWindow.from}
              onChange={(event) => setSimWindow((current) => ({ ...current, from: event.target.value }))}
            />
          </label>
          <label>
            <div>{t('studio.sim.to')}</div>
            <Input
              type="date"
              value={simWindow.to}
              onChange={(event) => setSimWindow((current) => ({ ...current, to: event.target.value }))}
            />
          </label>
          <label>
            <div>{t('studio.sim.product')}</div>
            <Select
              style={{ minWidth: 160 }}
              allowClear
              aria-label={t('studio.sim.product')}
              placeholder={t('studio.sim.allProducts')}
              value={simProduct}
              onChange={setSimProduct}
              options={['cash_loan', 'credit_line'].map((code) => ({
                value: code,
                label: t(`studio.product.${code}`),
              }))}
            />
          </label>
          <Button
            type="primary"
            onClick={() => void startSimulation()}
            loading={!!simulationId && !simulationDone && simulation?.status !== 'failed' && !simProblem}
          >
            {t('studio.sim.run')}
          </Button>
        </Space>
        {simProblem ? <ProblemAlert problem={simProblem} /> : null}
        {simulation && !simulationDone ? (
          <div role="status" aria-live="polite">
            <Progress
              percent={percentDone}
              status={simulation.status === 'failed' ? 'exception' : 'active'}
              aria-label={t('studio.sim.progress')}
            />
            <Typography.Text type="secondary">
              {t('studio.sim.progressDetail', { done: simulation.done, total: simulation.total })}
            </Typography.Text>
            {simulation.status === 'failed' ? (
              <Alert
                type="error"
                showIcon
                message={t('studio.sim.failedRun')}
                description={simulation.error?.message ?? ''}
              />
            ) : null}
          </div>
        ) : null}
        {simulationDone && simulation.report ? (
          <>
            {dirtySinceSimulation ? (
              <Alert type="info" showIcon message={t('studio.sim.stale')} style={{ marginBottom: 12 }} />
            ) : null}
            <SimulationReportView report={simulation.report} />
          </>
        ) : null}
      </Drawer>

      <Modal
        title={t('studio.editor.submitTitle')}
        open={submitOpen}
        onCancel={() => setSubmitOpen(false)}
        onOk={() => form.submit()}
        okText={t('studio.editor.submitConfirm')}
        cancelText={t('studio.cancel')}
        confirmLoading={submitting}
      >
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="name"
            label={t('studio.policies.name')}
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_-]{0,63}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('studio.policies.effectiveFrom')}
            rules={[{ required: true, message: t('studio.editor.dateRequired') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="description" label={t('studio.policies.description')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          {simulationDone && !dirtySinceSimulation ? (
            <Alert
              type="success"
              showIcon
              message={t('studio.editor.withSimulation', { id: simulationId })}
            />
          ) : (
            <Alert type="warning" showIcon message={t('studio.editor.withoutSimulation')} />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('studio.editor.fourEyes')}
          </Typography.Paragraph>
          {submitProblem ? <ProblemAlert problem={submitProblem} /> : null}
        </Form>
      </Modal>
    </PageContainer>
  );
}
