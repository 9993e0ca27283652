import type { components } from './schema'

/** Short names for the schemas of openapi/openapi.yaml (generated into schema.d.ts: the one contract). */
type Schemas = components['schemas']

export type OrgType = Schemas['OrgType']
export type FederationLevel = Schemas['FederationLevel']
export type Role = Schemas['Role']
export type ClientConfig = Schemas['ClientConfig']
export type MembershipView = Schemas['MembershipView']
export type Me = Schemas['Me']
export type OrgView = Schemas['OrgView']
export type OrgPage = Schemas['OrgPage']
export type OrgCreate = Schemas['OrgCreate']
export type OrgUpdate = Schemas['OrgUpdate']
export type OrgMove = Schemas['OrgMove']
export type OrgClose = Schemas['OrgClose']
export type OrgCounts = Schemas['OrgCounts']
export type Crumb = Schemas['Crumb']
export type ImportError = Schemas['ImportError']
export type ImportJob = Schemas['ImportJob']
export type ImportJobStatus = ImportJob['status']
export type Problem = Schemas['Problem']
export type FieldError = Schemas['FieldError']

export const ORG_TYPES = [
  'FEDERATION',
  'WORK_COMMITTEE',
  'ENTERPRISE',
  'DEPARTMENT',
  'SOCIAL',
] as const satisfies readonly OrgType[]

export const FEDERATION_LEVELS = [
  'CITY',
  'DISTRICT',
  'TOWNSHIP',
  'VILLAGE',
] as const satisfies readonly FederationLevel[]

export const ROLES = ['ORG_ADMIN', 'EDITOR', 'REVIEWER', 'VIEWER'] as const satisfies readonly Role[]

/** Permission strings of GET /me (the backend's Permission keys). */
export const PERMISSIONS = [
  'org:read',
  'org:write',
  'org:import',
  'account:read',
  'account:write',
  'audit:read',
  'notice:write',
  'receipt:sign',
  'plan:write',
  'report:write',
  'report:review',
  'tracking:manage',
  'platform:admin',
] as const
export type Permission = (typeof PERMISSIONS)[number]

// ---- notices, the inbox and the bell ----
export type NoticeStatus = Schemas['NoticeStatus']
export type NoticeAction = Schemas['NoticeAction']
export type NoticeSection = Schemas['NoticeSection']
export type NoticeAttachment = Schemas['NoticeAttachment']
export type NoticeRef = Schemas['NoticeRef']
export type NoticeView = Schemas['NoticeView']
export type NoticeSummary = Schemas['NoticeSummary']
export type NoticeRevision = Schemas['NoticeRevision']
export type RequiredItems = Schemas['RequiredItems']
export type ReceiptView = Schemas['ReceiptView']
export type ReceiptPage = Schemas['ReceiptPage']
export type InboxSummary = Schemas['InboxSummary']
export type InboxIssuer = Schemas['InboxIssuer']
export type InboxFilter = Schemas['Filter']
export type NotificationView = Schemas['NotificationView']
export type NotificationPage = Schemas['NotificationPage']
export type NoticeInput = Schemas['NoticeInput']
export type NoticeAmendment = Schemas['NoticeAmendment']
export type NoticePage = Schemas['NoticePage']
export type NoticePublish = Schemas['NoticePublish']
export type RecipientRule = Schemas['RecipientRule']
export type RecipientGroup = Schemas['RecipientGroup']
export type RecipientOrg = Schemas['RecipientOrg']
export type RecipientPreview = Schemas['RecipientPreview']
export type Requirements = Schemas['Requirements']
export type IssuerCodeView = Schemas['IssuerCodeView']
export type IssuerCodeInput = Schemas['IssuerCodeInput']
export type StoredFile = Schemas['StoredFile']
export type AttachmentInput = Schemas['AttachmentInput']

// ---- 公文导入: a document read into a draft ----
export type NoticeImport = Schemas['NoticeImport']
export type PlanImport = Schemas['PlanImport']
export type ImportField = Schemas['ImportField']
export type ImportWarning = Schemas['ImportWarning']
export type ImportRecipient = Schemas['ImportRecipient']
export type ImportOrgMatch = Schemas['ImportOrgMatch']
export type ImportDocNumber = Schemas['ImportDocNumber']
export const INBOX_FILTERS = ['UNSIGNED', 'DUE_SOON', 'OVERDUE'] as const satisfies readonly InboxFilter[]

export const NOTICE_STATUSES = [
  'DRAFT',
  'PUBLISHED',
  'WITHDRAWN',
  'CLOSED',
] as const satisfies readonly NoticeStatus[]

// ---- activity plans (活动方案) ----
export type PlanStatus = Schemas['PlanStatus']
export type PlanKind = Schemas['PlanKind']
export type PlanAction = Schemas['PlanAction']
export type PlanSection = Schemas['PlanSection']
export type PlanInput = Schemas['PlanInput']
export type PlanItemInput = Schemas['PlanItemInput']
export type PlanItemView = Schemas['PlanItemView']
export type PlanView = Schemas['PlanView']
export type PlanSummary = Schemas['PlanSummary']
export type PlanPage = Schemas['PlanPage']
export type PlanProgress = Schemas['PlanProgress']

export const PLAN_STATUSES = [
  'DRAFT',
  'FILED',
  'ACKNOWLEDGED',
  'RETURNED',
] as const satisfies readonly PlanStatus[]

export const PLAN_KINDS = ['ANSWER', 'ISSUER', 'STANDALONE'] as const satisfies readonly PlanKind[]

// ---- submissions (报送) ----
export type SubmissionStatus = Schemas['SubmissionStatus']
export type SubmissionAction = Schemas['SubmissionAction']
export type SubmissionView = Schemas['SubmissionView']
export type SubmissionSummary = Schemas['SubmissionSummary']
export type SubmissionPage = Schemas['SubmissionPage']
export type SubmissionEntry = Schemas['SubmissionEntry']
export type SubmissionCompleteness = Schemas['SubmissionCompleteness']
export type SubmissionInput = Schemas['SubmissionInput']
export type SubmissionRevision = Schemas['SubmissionRevision']
export type EntryInput = Schemas['EntryInput']
export type EntryMedia = Schemas['EntryMedia']
export type EntryReview = Schemas['EntryReview']
export type EntryVerdict = Schemas['EntryVerdict']
export type MediaInput = Schemas['MediaInput']
export type MediaKind = Schemas['MediaKind']
export type ReviewRequest = Schemas['ReviewRequest']
export type IncludableEntry = Schemas['IncludableEntry']
export type IncludablePage = Schemas['IncludablePage']
export type PlanItemRef = Schemas['PlanItemRef']

export const SUBMISSION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'ACCEPTED',
  'RETURNED',
] as const satisfies readonly SubmissionStatus[]

// ---- media: uploads, resumable upload sessions ----
export type FileKind = Schemas['FileKind']
export type FileLimits = Schemas['FileLimits']
export type AcceptedFileType = Schemas['AcceptedFileType']
export type UploadStart = Schemas['UploadStart']
export type UploadSession = Schemas['Upload']

export const FILE_KINDS = ['IMAGE', 'VIDEO', 'DOCUMENT', 'ARCHIVE'] as const satisfies readonly FileKind[]

// ---- tracking (督办) and reminders ----
export type ReminderPolicy = Schemas['ReminderPolicy']
export type TrackingView = Schemas['TrackingView']
export type TrackingCounts = Schemas['TrackingCounts']
export type TrackingNotice = Schemas['TrackingNotice']
export type TrackingSummary = Schemas['TrackingSummary']
export type TrackingBranch = Schemas['TrackingBranch']
export type TrackingBranches = Schemas['TrackingBranches']
export type TrackingFilter = Schemas['TrackingFilter']
export type TrackingProgress = Schemas['TrackingProgress']
export type TrackingReceipt = Schemas['TrackingReceipt']
export type TrackingReceiptPage = Schemas['TrackingReceiptPage']
export type MissingOrg = Schemas['MissingOrg']
export type MissingOrgPage = Schemas['MissingOrgPage']
export type ReminderKind = Schemas['ReminderKind']
export type ReminderRequest = Schemas['ReminderRequest']
export type ReminderResult = Schemas['ReminderResult']
export type ReminderSkipReason = Schemas['ReminderSkipReason']
export type ReminderView = Schemas['ReminderView']

export const TRACKING_FILTERS = [
  'UNREAD',
  'UNSIGNED',
  'PLAN_MISSING',
  'PLAN_FILED',
  'MISSING',
  'OVERDUE',
  'SUBMITTED',
  'ON_TIME',
  'LATE',
  'ACCEPTED',
  'RETURNED',
  'EXEMPT',
  'EXTENDED',
] as const satisfies readonly TrackingFilter[]

/** What a 催报 by hand may ask for (escalations are the scheduler's). */
export const MANUAL_REMINDER_KINDS = [
  'SUBMIT',
  'SIGN',
  'PLAN',
  'OVERDUE',
] as const satisfies readonly ReminderKind[]

// ---- statistics and the dashboard ----
export type StatsStatus = Schemas['StatsStatus']
export type StatsView = Schemas['StatsView']
export type StatsFigures = Schemas['StatsFigures']
export type StatsGroup = Schemas['StatsGroup']
export type StatsActivity = Schemas['StatsActivity']
export type StatsActivityPage = Schemas['StatsActivityPage']
export type Dashboard = Schemas['Dashboard']
export type DashboardTodo = Schemas['DashboardTodo']
export type DashboardItem = Schemas['DashboardItem']
export type DashboardReview = Schemas['DashboardReview']
export type DashboardReviewItem = Schemas['DashboardReviewItem']
export type DashboardIssuedNotice = Schemas['DashboardIssuedNotice']

// ---- integration (集成): machine clients, webhooks (推送) ----
export type ClientScope = Schemas['ClientScope']
export type IntegrationClient = Schemas['IntegrationClient']
export type IntegrationClientPage = Schemas['IntegrationClientPage']
export type IntegrationClientCreate = Schemas['IntegrationClientCreate']
export type IntegrationClientUpdate = Schemas['IntegrationClientUpdate']
export type IntegrationCall = Schemas['IntegrationCall']
export type IntegrationCallPage = Schemas['IntegrationCallPage']
export type FeedType = Schemas['FeedType']
export type Webhook = Schemas['Webhook']
export type WebhookPage = Schemas['WebhookPage']
export type WebhookCreate = Schemas['WebhookCreate']
export type WebhookUpdate = Schemas['WebhookUpdate']
export type WebhookCreated = Schemas['WebhookCreated']
export type WebhookDelivery = Schemas['WebhookDelivery']
export type WebhookDeliveryPage = Schemas['WebhookDeliveryPage']
export type WebhookDeliveryStatus = Schemas['WebhookDeliveryStatus']
export type WebhookAttempt = Schemas['WebhookAttempt']

export const CLIENT_SCOPES = [
  'ORGS_READ',
  'NOTICES_READ',
  'RECEIPTS_WRITE',
  'PLANS_READ',
  'PLANS_WRITE',
  'SUBMISSIONS_READ',
  'SUBMISSIONS_WRITE',
  'TRACKING_READ',
  'FEED_READ',
  'WEBHOOKS_MANAGE',
] as const satisfies readonly ClientScope[]

export const FEED_TYPES = [
  'ACTIVITY_ACCEPTED',
  'NOTICE_PUBLISHED',
  'NOTICE_AMENDED',
  'NOTICE_WITHDRAWN',
  'RECEIPT_SIGNED',
] as const satisfies readonly FeedType[]

export const DELIVERY_STATUSES = [
  'PENDING',
  'RETRYING',
  'DELIVERED',
  'DEAD',
] as const satisfies readonly WebhookDeliveryStatus[]
