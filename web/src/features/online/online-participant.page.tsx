import { Alert, Button } from 'antd';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client.js';
import type { OnlineNext, OnlinePublicDetail, Vote } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { OpinionMap } from './opinion-map.js';
import { addStatement, castVote, deviceId, join, nextStatement, STATEMENT_MAX, storedToken } from './participant.js';
import { useLiveMap } from './use-live-map.js';

/** Phone mode: a one-time SMS code proves the phone, then the participant token is kept on this device. */
function PhoneJoin({ id, onJoined }: { id: string; onJoined: (token: string) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const phoneOk = /^1[3-9]\d{9}$/.test(phone.trim());

  async function send() {
    setError(undefined);
    try {
      const r = await api.post<{ resendAfterSeconds: number }>('/public/otp', { phone: phone.trim(), purpose: 'online' });
      setWait(r.resendAfterSeconds);
      setSent(true);
    } catch (err) {
      setError(err);
    }
  }
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onJoined(await join(id, { phone: phone.trim(), code: code.trim() }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form name="online-join" className="mh-native-form mh-panel mh-block" noValidate onSubmit={(e) => void submit(e)}>
      <h2 className="mh-card-title mh-panel-title">{t('online.join.title')}</h2>
      <p className="mh-muted">{t('online.join.lead')}</p>
      <div className="mh-field">
        <label htmlFor="online-phone">{t('online.join.phone')}</label>
        <input id="online-phone" className="mh-input" inputMode="tel" autoComplete="tel" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value)} />
      </div>
      <div className="mh-field">
        <Button onClick={() => void send()} disabled={!phoneOk || wait > 0}>
          {wait > 0 ? t('online.join.resendIn', { seconds: wait }) : t('online.join.sendCode')}
        </Button>
        <div aria-live="polite" className="mh-muted">
          {sent && t('online.join.codeSent')}
        </div>
      </div>
      <div className="mh-field">
        <label htmlFor="online-code">{t('online.join.code')}</label>
        <input id="online-code" className="mh-input" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
      </div>
      {error !== undefined && <ProblemAlert error={error} className="mh-block" />}
      <Button type="primary" htmlType="submit" loading={busy} disabled={!phoneOk || !/^\d{6}$/.test(code.trim())} block>
        {t('online.join.submit')}
      </Button>
    </form>
  );
}

/** One statement at a time with three large buttons; the count of statements answered so far. */
function Voting({ id, token, onLost }: { id: string; token: string; onLost: () => void }) {
  const { t } = useTranslation();
  const [next, setNext] = useState<OnlineNext>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [last, setLast] = useState<Vote>();

  const load = useCallback(async () => {
    try {
      setNext(await nextStatement(id, token));
      setError(undefined);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onLost();
      else setError(err);
    }
  }, [id, token, onLost]);
  useEffect(() => {
    void load();
  }, [load]);

  async function vote(v: Vote) {
    if (!next?.statement) return;
    setBusy(true);
    setError(undefined);
    try {
      await castVote(id, token, next.statement.id, v);
      setLast(v);
      await load();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onLost();
      else setError(err);
      // A statement withdrawn meanwhile (409/404): move on to the next one.
      if (err instanceof ApiError && (err.status === 409 || err.status === 404)) await load();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="mh-panel mh-block mh-vote-panel" aria-labelledby="online-vote-heading">
      <h2 id="online-vote-heading" className="mh-card-title mh-panel-title">
        {t('online.vote.title')}
      </h2>
      <p aria-live="polite" data-testid="online-progress">
        {next ? t('online.vote.progress', { count: next.voted }) : ''}
        {next && next.statement ? ` · ${t('online.vote.remaining', { count: next.remaining })}` : ''}
        {last !== undefined && <span className="mh-visually-hidden"> {t(`online.vote.recorded.${last === 1 ? 'agree' : last === -1 ? 'disagree' : 'pass'}`)}</span>}
      </p>
      {error !== undefined && <ProblemAlert error={error} className="mh-block" />}
      {next?.statement ? (
        <>
          <blockquote className="mh-statement-card" data-testid="online-statement" lang="zh-CN">
            <span className="mh-muted">#{next.statement.seq}</span> <span>{next.statement.text}</span>
          </blockquote>
          <div className="mh-vote-buttons">
            <button type="button" className="mh-vote mh-vote-agree" disabled={busy} onClick={() => void vote(1)}>
              {t('online.vote.agree')}
            </button>
            <button type="button" className="mh-vote mh-vote-disagree" disabled={busy} onClick={() => void vote(-1)}>
              {t('online.vote.disagree')}
            </button>
            <button type="button" className="mh-vote mh-vote-pass" disabled={busy} onClick={() => void vote(0)}>
              {t('online.vote.pass')}
            </button>
          </div>
        </>
      ) : (
        next && <p data-testid="online-done">{t('online.vote.done')}</p>
      )}
    </section>
  );
}

/** A participant's own statement: at most 140 characters; under pre-moderation it waits for the organiser. */
function StatementForm({ id, token, onLost }: { id: string; token: string; onLost: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<'pending' | 'accepted'>();
  const length = [...text.trim()].length;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setResult(undefined);
    if (length < 2 || length > STATEMENT_MAX) {
      setInvalid(t('online.add.length', { max: STATEMENT_MAX }));
      document.getElementById('online-statement-text')?.focus();
      return;
    }
    setInvalid(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const r = await addStatement(id, token, text.trim());
      setResult(r.status);
      setText('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onLost();
      else if (err instanceof ApiError && err.problem.errors?.length) setInvalid(err.problem.errors.map((e) => e.message).join(' '));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form name="online-statement" className="mh-native-form mh-panel mh-block" noValidate onSubmit={(e) => void submit(e)}>
      <h2 className="mh-card-title mh-panel-title">{t('online.add.title')}</h2>
      <div className="mh-field">
        <label htmlFor="online-statement-text">{t('online.add.label')}</label>
        <textarea
          id="online-statement-text"
          className="mh-input mh-textarea"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={`online-statement-count${invalid ? ' online-statement-error' : ''}`}
        />
        <div id="online-statement-count" className={length > STATEMENT_MAX ? 'mh-char-count mh-char-count-over' : 'mh-char-count'}>
          {t('online.add.count', { count: length, max: STATEMENT_MAX })}
        </div>
        {invalid && (
          <div id="online-statement-error" className="mh-field-error">
            {invalid}
          </div>
        )}
      </div>
      {error !== undefined && <ProblemAlert error={error} className="mh-block" />}
      <div aria-live="polite">
        {result && <Alert className="mh-block" type={result === 'pending' ? 'info' : 'success'} showIcon title={t(result === 'pending' ? 'online.add.pending' : 'online.add.accepted')} />}
      </div>
      <Button htmlType="submit" loading={busy}>
        {t('online.add.submit')}
      </Button>
    </form>
  );
}

/** 线上微协商: a resident joins, answers statements one by one, adds their own and sees where they stand on the live opinion map. */
export function OnlineParticipantPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useRequest((signal) => api.get<OnlinePublicDetail>(`/public/online/${id}`, undefined, signal), id);
  const d = detail.data;
  usePageTitle(d?.title ?? t('online.title'));
  const [token, setToken] = useState<string | null>(() => storedToken(id));
  const [joinError, setJoinError] = useState<unknown>();
  const live = useLiveMap(id, token);

  // Device mode joins silently with this browser's random id.
  useEffect(() => {
    if (!d || d.state !== 'open' || d.identity !== 'device' || token) return;
    let alive = true;
    join(id, { deviceId: deviceId() }).then(
      (tk) => alive && setToken(tk),
      (err: unknown) => alive && setJoinError(err),
    );
    return () => {
      alive = false;
    };
  }, [d, id, token]);
  const lost = useCallback(() => setToken(null), []);

  return (
    <div className="mh-page mh-narrow mh-wrap mh-online">
      {detail.error && <ProblemAlert error={detail.error} className="mh-block" />}
      {!d && <h1 className="mh-page-title">{t('online.title')}</h1>}
      {d && (
        <>
          <p className="mh-muted mh-online-kicker">{t('online.title')}</p>
          <h1 className="mh-page-title">{d.title}</h1>
          {d.description && <p className="mh-pre-wrap">{d.description}</p>}
          <p className="mh-muted">
            {t('online.facts', { participants: d.participants, statements: d.statements, votes: d.votes })}
            {d.topic && <> · {t('online.topicOf', { title: d.topic.title })}</>}
          </p>
          {d.event && (
            <p>
              <Link to={`/events/${d.event.id}`} className="mh-online-link">
                {t('online.eventLink', { title: d.event.title })}
              </Link>
            </p>
          )}
          {d.state === 'closed' ? (
            <Alert className="mh-block" type="info" showIcon title={t('online.closed')} />
          ) : token ? (
            <>
              <Voting id={id} token={token} onLost={lost} />
              <StatementForm id={id} token={token} onLost={lost} />
            </>
          ) : d.identity === 'phone' ? (
            <PhoneJoin id={id} onJoined={setToken} />
          ) : joinError !== undefined ? (
            <ProblemAlert error={joinError} className="mh-block" />
          ) : (
            <p className="mh-muted">{t('online.joining')}</p>
          )}
          <section className="mh-panel mh-block" aria-labelledby="online-map-heading">
            <h2 id="online-map-heading" className="mh-card-title mh-panel-title">
              {t('online.map.title')}
            </h2>
            <p className="mh-muted">{t('online.map.lead')}</p>
            {live.error !== undefined && <ProblemAlert error={live.error} className="mh-block" />}
            {live.map && <OpinionMap map={live.map} />}
          </section>
        </>
      )}
    </div>
  );
}
