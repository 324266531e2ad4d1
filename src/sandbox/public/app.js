// The sandbox chat page: a thin client of /sandbox/api. It renders what the emulator received through
// message/send, the way WeCom renders texts and template cards. No secrets and no crypto here.

// A sandbox opened to the network (SANDBOX_ALLOW_REMOTE) needs its token: open the page as /#token=…
const TOKEN = new URLSearchParams(location.hash.slice(1)).get('token') || sessionStorage.getItem('sandbox-token') || '';
if (TOKEN) sessionStorage.setItem('sandbox-token', TOKEN);
// EventSource and links cannot send a header: the page trades the token for a session cookie first.

const $ = (selector) => document.querySelector(selector);
const api = async (path, body) => {
  const headers = { ...(body ? { 'content-type': 'application/json' } : {}), ...(TOKEN ? { 'x-sandbox-token': TOKEN } : {}) };
  const res = await fetch(`/sandbox/api/${path}`, body ? { method: 'POST', headers, body: JSON.stringify(body) } : { headers });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || `HTTP ${res.status}`);
  return data;
};
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) if (child != null) node.append(child);
  return node;
};

let state = { members: [], lives: [], stats: {}, now: Date.now(), timezone: 'Asia/Shanghai' };
let me = localStorage.getItem('sandbox-member') || 'zhangsan';
// Which chat the composer writes to: the app's single chat, or the group where members @-mention the 智能机器人.
let view = localStorage.getItem('sandbox-view') === 'group' ? 'group' : 'app';
const CHIPS = ['帮助', '创建直播 周会 明天15:00', '帮我明天下午3点开个周会直播', '创建直播 周会', '我的直播'];
/** Shown to admins only: the others would be refused. */
const ADMIN_CHIPS = ['统计', '测试连接'];

function formatTime(seconds) {
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: state.timezone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(seconds * 1000));
  return parts.replace(/\//g, '-');
}

function renderMembers() {
  const list = $('#members');
  list.replaceChildren(
    ...state.members.map((m) =>
      el('li', {}, el('button', { type: 'button', ariaPressed: String(m.userid === me), onclick: () => switchTo(m.userid) }, `${m.name}`, el('span', { className: 'role' }, m.admin ? '管理员' : m.userid))),
    ),
  );
  const current = state.members.find((m) => m.userid === me);
  const chips = current?.admin ? [...CHIPS, ...ADMIN_CHIPS] : CHIPS;
  // Rebuilt only when they change: the state refreshes every few seconds, under the member's pointer.
  if ($('#chips').childElementCount !== chips.length) {
    $('#chips').replaceChildren(...chips.map((text) => el('button', { type: 'button', onclick: () => send(text) }, text)));
  }
  $('#who').textContent = current ? `${current.name}${current.admin ? '（管理员）' : ''}` : me;
}

function renderState() {
  renderMembers();
  $('#clock').textContent = new Intl.DateTimeFormat('zh-CN', { timeZone: state.timezone, dateStyle: 'medium', timeStyle: 'short', hour12: false }).format(new Date(state.now));
  $('#lives').replaceChildren(
    ...state.lives.map((l) =>
      el('tr', { title: l.livingid }, el('td', {}, l.theme), el('td', {}, l.anchor), el('td', {}, formatTime(l.start)), el('td', { className: `status-${l.status}` }, l.statusName), el('td', {}, String(l.viewers))),
    ),
  );
  if (state.lives.length === 0) $('#lives').append(el('tr', {}, el('td', { colSpan: 5 }, '还没有直播')));
  // The calendar of the member the page speaks as: what 加入日程 and invitations put there.
  const mine = (state.schedules || []).filter((s) => s.organizer === me || s.attendees.includes(me)).sort((a, b) => a.start - b.start);
  $('#calendar').replaceChildren(...mine.map((s) => el('li', { title: s.id }, el('time', {}, formatTime(s.start)), ` ${s.summary}`)));
  if (mine.length === 0) $('#calendar').append(el('li', { className: 'empty' }, '日程里还没有直播'));
  const s = state.stats;
  $('#stats').replaceChildren(
    el('dt', {}, '调用次数'), el('dd', {}, String(s.totalCalls ?? 0)),
    el('dt', {}, '成功率'), el('dd', {}, `${Number(((s.successRate ?? 1) * 100).toFixed(1))}%`),
    el('dt', {}, '失败'), el('dd', {}, String(s.errorCalls ?? 0)),
    el('dt', {}, 'Token获取'), el('dd', {}, String(s.tokenFetches ?? 0)),
  );
}

function renderCard(message) {
  const card = message.card;
  const lastUpdate = message.updates[message.updates.length - 1];
  // The card as it is now: the latest replacement (a 确认取消 question, a next page), greyed out by a later replace_name.
  const shown = [...message.updates].reverse().find((u) => u.card)?.card ?? card;
  const node = el('div', { className: 'card' });
  node.dataset.taskId = card.task_id || '';
  node.append(el('div', { className: 'source' }, shown.source?.desc || '直播助手'));
  node.append(el('div', { className: 'title' }, shown.main_title?.title || ''));
  if (shown.main_title?.desc) node.append(el('div', { className: 'desc' }, shown.main_title.desc));
  if (shown.emphasis_content) {
    node.append(el('div', { className: 'emphasis' }, el('div', { className: 'big' }, shown.emphasis_content.title || ''), el('div', { className: 'small' }, shown.emphasis_content.desc || '')));
  }
  if (shown.sub_title_text) node.append(el('div', { className: 'sub' }, shown.sub_title_text));
  if (shown.horizontal_content_list?.length) {
    const dl = el('dl');
    for (const row of shown.horizontal_content_list) dl.append(el('dt', {}, row.keyname), el('dd', {}, row.value || ''));
    node.append(dl);
  }
  if (lastUpdate && lastUpdate.replaceName) {
    // update_template_card with button.replace_name: WeCom greys every button out under the new label.
    node.append(el('div', { className: 'replaced' }, lastUpdate.replaceName));
  } else if (shown.button_list?.length) {
    const row = el('div', { className: 'buttons' });
    for (const b of shown.button_list) {
      row.append(el('button', { type: 'button', className: `s${b.style || 1}`, onclick: () => click(card.task_id, b.key) }, b.text));
    }
    node.append(row);
  }
  return node;
}

function renderEntry(entry) {
  if (entry.from === 'member') return el('li', { className: 'msg member' }, el('div', { className: 'bubble' }, entry.text));
  const m = entry.message;
  const body =
    m.msgtype === 'template_card'
      ? renderCard(m)
      : m.file
        ? // A file message, as WeCom shows it: the file's name, opening the uploaded bytes.
          el('a', { className: 'file', href: `/sandbox/api/media/${encodeURIComponent(m.file.mediaId)}`, download: m.file.filename }, el('span', { className: 'icon' }, 'XLSX'), el('span', { className: 'name' }, m.file.filename))
        : el('div', { className: 'bubble' }, m.content);
  return el('li', { className: 'msg bot' }, body);
}

const nameOf = (userid) => state.members.find((m) => m.userid === userid)?.name || userid;

/** The bot's markdown as the group shows it: **bold** and > quoted lines; everything else as text. */
function renderMarkdown(text) {
  const node = el('div', { className: 'bubble markdown' });
  for (const line of text.split('\n')) {
    const row = el('div', { className: line.startsWith('> ') ? 'quote-line' : '' });
    const parts = (line.startsWith('> ') ? line.slice(2) : line).split(/\*\*(.+?)\*\*/);
    parts.forEach((part, i) => row.append(i % 2 ? el('strong', {}, part) : part));
    node.append(row);
  }
  return node;
}

function renderGroupEntry(entry) {
  if (entry.from === 'member') {
    const mine = entry.user === me;
    return el('li', { className: `msg ${mine ? 'member' : 'other'}` }, el('div', { className: 'said' }, el('div', { className: 'sender' }, nameOf(entry.user)), el('div', { className: 'bubble' }, entry.text)));
  }
  const body = renderMarkdown(entry.text || '…');
  // In a group WeCom shows the answer quoting the message it answers.
  if (entry.quote) body.prepend(el('div', { className: 'quoted' }, `${nameOf(entry.to)}：${entry.quote}`));
  if (!entry.finished) body.append(el('div', { className: 'typing' }, '正在处理…'));
  return el('li', { className: 'msg bot' }, el('div', { className: 'said' }, el('div', { className: 'sender' }, '直播助手'), body));
}

// Announcements can come in bursts: only the latest load may render, or an older answer arriving last would hide
// the newest messages.
let loads = 0;
async function loadConversation() {
  const load = ++loads;
  const shown = view;
  const entries = shown === 'group' ? (await api('group')).entries : await api(`conversation?user=${encodeURIComponent(me)}`);
  if (load !== loads) return;
  const list = $('#messages');
  list.replaceChildren(...entries.map(shown === 'group' ? renderGroupEntry : renderEntry));
  list.scrollTop = list.scrollHeight;
}

async function switchView(next) {
  view = next;
  localStorage.setItem('sandbox-view', view);
  $(`#tab-${view}`).classList.remove('unread');
  $('#tab-app').setAttribute('aria-selected', String(view === 'app'));
  $('#tab-group').setAttribute('aria-selected', String(view === 'group'));
  $('#where').textContent = view === 'group' ? '· 在项目群里 @直播助手' : '· 直播助手应用';
  $('#text').placeholder = view === 'group' ? '@直播助手 创建直播 周会 明天15:00' : '输入命令，例如：创建直播 周会 明天15:00';
  await loadConversation();
}

let refreshes = 0;
async function refreshState() {
  const refresh = ++refreshes;
  const next = await api('state');
  if (refresh !== refreshes) return;
  state = next;
  renderState();
}

async function switchTo(userid) {
  if (userid !== me) $('#tab-app').classList.remove('unread');
  me = userid;
  localStorage.setItem('sandbox-member', me);
  renderMembers();
  await loadConversation();
}

/** Runs a request of the page; what went wrong is shown above the composer, never swallowed. */
async function attempt(request) {
  const error = $('#error');
  try {
    await request();
    error.hidden = true;
  } catch (e) {
    error.textContent = `没有发出去：${e.message}`;
    error.hidden = false;
  }
}

async function send(text) {
  if (!text.trim()) return;
  await attempt(() => (view === 'group' ? api('group/send', { user: me, text }) : api('send', { user: me, text })));
}

async function click(taskId, key) {
  await attempt(() => api('click', { user: me, taskId, key }));
}

$('#composer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('#text');
  const text = input.value;
  input.value = '';
  await send(text);
});
$('#add-member').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('#new-member');
  try {
    const { members } = await api('members', { userid: input.value });
    state.members = members;
    await switchTo(input.value.trim());
    input.value = '';
  } catch (error) {
    alert(error.message);
  }
});
for (const button of document.querySelectorAll('.clock-buttons button')) {
  button.addEventListener('click', async () => {
    await api('clock', { minutes: Number(button.dataset.minutes) });
    await refreshState();
  });
}
$('#tab-app').addEventListener('click', () => switchView('app'));
$('#tab-group').addEventListener('click', () => switchView('group'));

// Every message the emulator receives for a member is announced; the page reloads that member's conversation.
if (TOKEN) await fetch('/sandbox/api/session', { method: 'POST', headers: { 'x-sandbox-token': TOKEN } });
const events = new EventSource('/sandbox/api/events');
events.onmessage = async (event) => {
  const { user, group } = JSON.parse(event.data);
  if ((group && view === 'group') || (user === me && view === 'app')) await loadConversation();
  // Something new in the chat not shown (a private answer to a group question): a mark on its tab.
  else if (group) $('#tab-group').classList.add('unread');
  else if (user === me) $('#tab-app').classList.add('unread');
  await refreshState();
};
setInterval(refreshState, 5000);

await refreshState();
if (!state.members.some((m) => m.userid === me)) me = state.members[0]?.userid || 'zhangsan';
renderMembers();
await switchView(view);
