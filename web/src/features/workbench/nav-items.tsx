import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  BankOutlined,
  ClusterOutlined,
  FileTextOutlined,
  HomeOutlined,
  BellOutlined,
  KeyOutlined,
  LockOutlined,
  CheckSquareOutlined,
  FlagOutlined,
  MessageOutlined,
  TeamOutlined,
  CommentOutlined,
  NodeIndexOutlined,
  ScheduleOutlined,
  CarOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../api/types.js';

export type NavKey = 'home' | 'inbox' | 'venues' | 'myDuty' | 'appeals' | 'appealSettings' | 'territories' | 'accounts' | 'units' | 'tokens' | 'audit' | 'consultations' | 'myEvents' | 'campaigns' | 'templates' | 'password' | 'topics' | 'topicCandidates' | 'myVisits' | 'suggestionsUnit' | 'suggestionsDesk' | 'suggestionsMine' | 'showcase';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Absent: everyone signed in may open it. */
  permission?: Permission;
}

/** The workbench sections in menu order, each with the permission it needs. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/workbench', icon: <HomeOutlined /> },
  { key: 'inbox', path: '/workbench/inbox', icon: <BellOutlined />, permission: 'inbox:read' },
  { key: 'appeals', path: '/workbench/appeals', icon: <FileTextOutlined />, permission: 'appeals:work' },
  { key: 'topics', path: '/workbench/topics', icon: <CommentOutlined />, permission: 'topics:read' },
  { key: 'topicCandidates', path: '/workbench/topic-candidates', icon: <NodeIndexOutlined />, permission: 'topics:cluster' },
  { key: 'consultations', path: '/workbench/consultations', icon: <CommentOutlined />, permission: 'consultations:read' },
  { key: 'myEvents', path: '/workbench/my-events', icon: <ScheduleOutlined />, permission: 'consultations:manage' },
  { key: 'campaigns', path: '/workbench/campaigns', icon: <FlagOutlined />, permission: 'consultations:read' },
  { key: 'suggestionsDesk', path: '/workbench/suggestions/desk', icon: <FlagOutlined />, permission: 'suggestions:assign' },
  { key: 'suggestionsUnit', path: '/workbench/suggestions/assigned', icon: <CheckSquareOutlined />, permission: 'suggestions:handle' },
  { key: 'suggestionsMine', path: '/workbench/suggestions/mine', icon: <MessageOutlined />, permission: 'suggestions:feedback' },
  { key: 'showcase', path: '/workbench/showcase', icon: <TrophyOutlined />, permission: 'showcase:manage' },
  { key: 'venues', path: '/workbench/venues', icon: <EnvironmentOutlined />, permission: 'venues:read' },
  { key: 'myDuty', path: '/workbench/my-duty', icon: <CalendarOutlined />, permission: 'duty:own' },
  { key: 'myVisits', path: '/workbench/my-visits', icon: <CarOutlined />, permission: 'visits:record' },
  { key: 'appealSettings', path: '/workbench/appeal-settings', icon: <ClusterOutlined />, permission: 'appeals:configure' },
  { key: 'templates', path: '/workbench/procedure-templates', icon: <NodeIndexOutlined />, permission: 'consultations:templates' },
  { key: 'territories', path: '/workbench/territories', icon: <ApartmentOutlined /> },
  { key: 'accounts', path: '/workbench/accounts', icon: <TeamOutlined />, permission: 'accounts:manage' },
  { key: 'units', path: '/workbench/units', icon: <BankOutlined />, permission: 'units:read' },
  { key: 'tokens', path: '/workbench/tokens', icon: <KeyOutlined />, permission: 'tokens:manage' },
  { key: 'audit', path: '/workbench/audit', icon: <AuditOutlined />, permission: 'audit:read' },
  { key: 'password', path: '/workbench/password', icon: <LockOutlined /> },
];
