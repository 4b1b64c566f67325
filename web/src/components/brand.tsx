import { Link } from 'react-router-dom';

/** The app's name in the header, linking home. */
export function Brand({ to }: { to: string }) {
  return (
    <Link to={to} className="mh-brand">
      <svg className="mh-brand-mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <rect width="64" height="64" rx="14" fill="#0958d9" />
        <path d="M18 20h28v18H34l-10 8v-8h-6z" fill="#fff" />
      </svg>
      <span className="mh-brand-zh" lang="zh-CN">
        民呼
      </span>{' '}
      <span className="mh-brand-en" lang="en">
        Minhu
      </span>
    </Link>
  );
}
