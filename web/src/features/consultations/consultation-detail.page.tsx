import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Modal, Select, Space, Steps, Table, Tag, type TableColumnsType } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { ATTENDEE_KINDS, type AddableArtefactKind, type Attendee, type AttendeeKind, type ConsultationArtefact, type ConsultationDetail } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { OnlineSection } from '../online/online-section.js';
import { SuggestionListPanel } from '../suggestions/suggestion-list-panel.js';
import { ArtefactModal } from './artefact-modal.js';
import { kindList, STATE_COLORS } from './consultation-text.js';

/** The phone sign-in address the QR code carries. */
const signInUrl = (c: ConsultationDetail) => `${window.location.origin}/sign-in/${c.id}?t=${encodeURIComponent(c.signInToken ?? '')}`;

/** The QR code as a PNG data URL, drawn in the browser (no network). */
function SignInQr({ event }: { event: ConsultationDetail }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string>();
  const url = signInUrl(event);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { width: 240, margin: 1 }).then((d) => live && setSrc(d), () => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <div className="mh-block">
      <p className="mh-muted">{t('consultations.qrHint')}</p>
      {src && <img src={src} width={240} height={240} alt={t('consultations.qrAlt', { name: event.title })} className="mh-qr" />}
      <p>
        {t('consultations.signInLink')}: <a href={url}>{url}</a>
      </p>
    </div>
  );
}

/** One document: text kept as text, agendas and invitations as lists. */
function ArtefactView({ a }: { a: ConsultationArtefact }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="mh-block" title={<span>{a.title}</span>} extra={<Tag>{t(`consultations.kinds.${a.kind}`)}</Tag>}>
      {a.items && (
        <ol>
          {a.items.map((i, n) => (
            <li key={n}>
              <Tag>{t(`consultations.agendaKinds.${i.kind}`)}</Tag> <span>{i.title}</span>
              {i.speaker && <span className="mh-muted"> — {i.speaker}</span>}
            </li>
          ))}
        </ol>
      )}
      {a.invitees && (
        <ul>
          {a.invitees.map((i, n) => (
            <li key={n}>
              <Tag>{t(`consultations.inviteeKinds.${i.kind}`)}</Tag> <span>{i.name}</span>
              {i.affiliation && <span className="mh-muted"> · {i.affiliation}</span>}
            </li>
          ))}
        </ul>
      )}
      {a.body !== null && <div className="mh-pre-wrap">{a.body}</div>}
      <p className="mh-muted">
        {a.createdBy} · {formatDateTime(a.createdAt)}
      </p>
    </Card>
  );
}

interface AttendeeValues {
  roleKind: AttendeeKind;
  name: string;
  affiliation?: string;
  speaker: boolean;
}

/** One event: its procedure steps and what the current step lacks, documents, attendance with the QR code, evaluation. */
export function ConsultationDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { can } = useSession();
  const [data, setData] = useState<ConsultationDetail>();
  const loaded = useRequest((signal) => api.get<ConsultationDetail>(`/consultations/${id}`, undefined, signal), id);
  useEffect(() => setData(loaded.data), [loaded.data]);
  usePageTitle(data?.title ?? t('consultations.title'));
  const [actionError, setActionError] = useState<unknown>();
  const [adding, setAdding] = useState<AddableArtefactKind>();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [attendeeForm] = Form.useForm<AttendeeValues>();

  async function act(run: () => Promise<ConsultationDetail>, done: string) {
    setActionError(undefined);
    try {
      setData(await run());
      message.success(done);
      return true;
    } catch (err) {
      setActionError(err);
      return false;
    }
  }

  if (loaded.error) return <ProblemAlert error={loaded.error} className="mh-block" />;
  const c = data;
  if (!c) return null;
  const open = c.state === 'planned' || c.state === 'in_progress';
  const manage = c.may.manage && open;

  const attendeeColumns: TableColumnsType<Attendee> = [
    { title: t('consultations.attendeeName'), dataIndex: 'name' },
    { title: t('consultations.attendeeKind'), dataIndex: 'roleKind', render: (k: AttendeeKind) => t(`consultations.attendeeKinds.${k}`) },
    { title: t('consultations.inviteeAffiliation'), dataIndex: 'affiliation', render: (v: string | null) => v ?? '—' },
    { title: t('consultations.speaker'), dataIndex: 'speaker', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
    { title: t('consultations.via'), dataIndex: 'via', render: (v: Attendee['via']) => t(`consultations.vias.${v}`) },
    ...(c.may.manage ? [{ title: t('consultations.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' }] : []),
  ];
  const ev = c.evaluation;

  return (
    <div className="mh-page">
      <p>
        <Link to="/workbench/consultations">{t('consultations.back')}</Link>
      </p>
      <div className="mh-page-head">
        <h1 className="mh-page-title">{c.title}</h1>
        <Space wrap>
          <Tag color={STATE_COLORS[c.state]}>{t(`consultations.states.${c.state}`)}</Tag>
          {c.presentKinds.includes('announcement') && c.state !== 'cancelled' && <Link to={`/events/${c.id}`}>{t('consultations.publicPage')}</Link>}
          <Link to={`/workbench/consultations/${c.id}/minutes`}>{t('minutesPrint.open')}</Link>
          {c.allowedActions.includes('advance') && (
            <Button type="primary" onClick={() => act(() => api.post<ConsultationDetail>(`/consultations/${c.id}/actions`, { action: 'advance', version: c.version }), t('consultations.advanced'))}>
              {t('consultations.advance')}
            </Button>
          )}
          {c.allowedActions.includes('cancel') && (
            <Button danger onClick={() => setCancelling(true)}>
              {t('consultations.cancelEvent')}
            </Button>
          )}
        </Space>
      </div>
      {actionError !== undefined && <ProblemAlert error={actionError} className="mh-block" />}
      <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{t('consultations.steps')}</h2>}>
        <Steps
          direction="vertical"
          size="small"
          current={c.stepIndex}
          status={c.state === 'completed' ? 'finish' : c.state === 'cancelled' ? 'error' : c.missing.length ? 'error' : 'process'}
          items={c.steps.map((s, i) => ({
            title: s.label,
            description:
              i === c.stepIndex && open && c.missing.length > 0
                ? `${t('consultations.missing')}：${kindList(t, c.missing)}`
                : s.requires.length
                  ? t('consultations.stepRequires', { kinds: kindList(t, s.requires) })
                  : t('consultations.stepRequiresNothing'),
          }))}
        />
      </Card>
      <Descriptions bordered column={1} size="small" className="mh-block">
        <Descriptions.Item label={t('consultations.currentStep')}>{c.currentStep?.label ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.missing')}>
          {c.missing.length === 0 ? t('consultations.nothingMissing') : c.missing.map((k) => <Tag key={k} color="red">{t(`consultations.kinds.${k}`)}</Tag>)}
        </Descriptions.Item>
        <Descriptions.Item label={t('consultations.startsAt')}>{formatDateTime(c.startsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.venue')}>{c.venueName ?? t('consultations.online')}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.mode')}>{t(`consultations.modes.${c.mode}`)}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.topics')}>{c.topics.map((x) => x.title).join(t('consultations.listSeparator')) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.organiser')}>{c.organiser}</Descriptions.Item>
        <Descriptions.Item label={t('consultations.summary')}>
          <div className="mh-pre-wrap">{c.summary || '—'}</div>
        </Descriptions.Item>
      </Descriptions>
      <Card
        size="small"
        className="mh-block"
        title={<h2 className="mh-card-title">{t('consultations.artefacts')}</h2>}
        extra={
          manage && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(c.missing.find((k): k is AddableArtefactKind => k !== 'sign_in_list' && k !== 'suggestion_list') ?? 'minutes')}>
              {t('consultations.addArtefact')}
            </Button>
          )
        }
      >
        {c.artefacts.length === 0 ? <Empty description={t('consultations.noArtefacts')} /> : [...c.artefacts].reverse().map((a) => <ArtefactView key={a.id} a={a} />)}
      </Card>
      <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{t('consultations.attendance')}</h2>}>
        {manage && c.signInToken && (
          <>
            <h3>{t('consultations.qrTitle')}</h3>
            <SignInQr event={c} />
          </>
        )}
        {manage && (
          <Form<AttendeeValues>
            form={attendeeForm}
            name="attendee"
            layout="inline"
            className="mh-filters"
            initialValues={{ roleKind: 'resident', speaker: false }}
            onFinish={async (v) => {
              const ok = await act(
                () => api.post<ConsultationDetail>(`/consultations/${c.id}/attendees`, { roleKind: v.roleKind, name: v.name, affiliation: v.affiliation?.trim() || null, speaker: v.speaker }),
                t('consultations.attendeeAdded'),
              );
              if (ok) attendeeForm.resetFields();
            }}
          >
            <Form.Item name="roleKind" label={t('consultations.attendeeKind')}>
              <Select className="mh-filter-select" options={ATTENDEE_KINDS.map((k) => ({ value: k, label: t(`consultations.attendeeKinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('consultations.attendeeName')} rules={[{ required: true }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="affiliation" label={t('consultations.inviteeAffiliation')}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="speaker" valuePropName="checked">
              <Checkbox>{t('consultations.speaker')}</Checkbox>
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit">{t('consultations.addAttendee')}</Button>
            </Form.Item>
          </Form>
        )}
        {c.attendance.length === 0 ? (
          <Empty description={t('consultations.noAttendance')} />
        ) : (
          <Table<Attendee> rowKey="id" size="small" columns={attendeeColumns} dataSource={c.attendance} pagination={false} scroll={{ x: 'max-content' }} />
        )}
      </Card>
      {can('suggestions:manage') && c.may.manage && c.state !== 'cancelled' && (
        <div className="mh-block">
          <p>
            <Link to={`/workbench/consultations/${c.id}/suggestions`}>
              {t('consultations.suggestionsPage')}
            </Link>
            {' · '}
            <Link to={`/consultations/${c.id}/results`}>{t('suggestions.publicResults')}</Link>
          </p>
          <SuggestionListPanel consultationId={c.id} onChanged={loaded.reload} />
        </div>
      )}
      {can('consultations:manage') && c.may.manage && c.state !== 'cancelled' && <OnlineSection consultationId={c.id} manage={open} />}
      <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{t('consultations.evaluation')}</h2>}>
        <Descriptions column={{ xs: 1, sm: 2, md: 4 }} size="small">
          <Descriptions.Item label={t('consultations.evaluationItems.attendees')}>{ev.attendees}</Descriptions.Item>
          <Descriptions.Item label={t('consultations.evaluationItems.membersPresent')}>{ev.membersPresent}</Descriptions.Item>
          <Descriptions.Item label={t('consultations.evaluationItems.residents')}>{ev.residents}</Descriptions.Item>
          <Descriptions.Item label={t('consultations.evaluationItems.leadersPresent')}>{ev.leadersPresent}</Descriptions.Item>
          <Descriptions.Item label={t('consultations.evaluationItems.speakers')}>{ev.speakers}</Descriptions.Item>
          <Descriptions.Item label={t('consultations.evaluationItems.artefacts')}>{t('consultations.artefactsRatio', { present: ev.artefactsPresent, required: ev.artefactsRequired })}</Descriptions.Item>
          <Descriptions.Item label={t('consultations.evaluationItems.suggestions')}>{ev.suggestions ?? t('consultations.notYet')}</Descriptions.Item>
          <Descriptions.Item label={t('consultations.evaluationItems.adoptionRate')}>{ev.adoptionRate === null ? t('consultations.notYet') : `${(ev.adoptionRate * 100).toFixed(1)} %`}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ArtefactModal
        event={c}
        kind={adding}
        onClose={() => setAdding(undefined)}
        onSaved={(saved) => {
          setData(saved);
          setAdding(undefined);
          setActionError(undefined);
          message.success(t('consultations.artefactAdded'));
        }}
      />
      <Modal
        open={cancelling}
        title={t('consultations.cancelEvent')}
        okText={t('consultations.cancelEvent')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        cancelText={t('common.cancel')}
        onCancel={() => setCancelling(false)}
        onOk={async () => {
          if (await act(() => api.post<ConsultationDetail>(`/consultations/${c.id}/actions`, { action: 'cancel', version: c.version, comment: reason }), t('consultations.cancelled'))) setCancelling(false);
        }}
      >
        <label>
          {t('consultations.cancelReason')}
          <Input.TextArea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </Modal>
    </div>
  );
}
