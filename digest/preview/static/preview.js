// The preview page's script: posts edits and reloads when a new draft is built.
//
// One navigation at a time: an edit's answer and the server's "new version" event
// both mean "reload", and two reloads in a row abort each other (net::ERR_ABORTED).
// So the page reloads once, through reloadTo(), and only for a version it has not
// shown yet; an edit in flight holds back the pushed reload until it has answered.
'use strict';
const token = document.body.dataset.token;
let shown = Number(document.body.dataset.version);
let posting = false;
let leaving = false;

function reloadTo(version) {
  if (leaving || version <= shown) return;
  leaving = true;
  keepDrafts(null);
  location.reload();
}

// Text typed but not saved survives the page's reloads: saving one box, an edit from
// another window or a change to editorial.yaml on disk reloads the whole page, and the
// editor's typing in the other boxes must not go with it. It is kept in this tab's
// sessionStorage across the reload and put back, marked as not saved.
const DRAFTS = 'digest-preview-drafts';
function textBoxes() { return document.querySelectorAll('textarea[id], input[type=text][id]'); }
// "Our take of “Denmark summons US envoy”": which box, in words, for a draft whose
// story is gone after the reload (merged or dropped in another window).
function boxName(box) {
  if (box.dataset.name) return box.dataset.name;  // a lost draft keeps the name it had
  const story = box.closest('.story');
  const title = story ? story.querySelector('strong') : null;
  const details = box.closest('details');
  const field = details ? details.querySelector('summary') : box.closest('label');
  const what = field ? field.firstChild.textContent.split(' (')[0].trim() : box.id;
  return title ? `${what} of “${title.textContent.trim()}”` : what;
}
function keepDrafts(saved) {
  const drafts = {};
  for (const box of textBoxes()) {
    if (box.id !== saved && box.value !== box.defaultValue) {
      drafts[box.id] = {value: box.value, name: boxName(box)};
    }
  }
  try { sessionStorage.setItem(DRAFTS, JSON.stringify(drafts)); } catch (err) { /* full */ }
}
function restoreDrafts() {
  let drafts = {};
  try { drafts = JSON.parse(sessionStorage.getItem(DRAFTS) || '{}'); } catch (err) { drafts = {}; }
  sessionStorage.removeItem(DRAFTS);
  const lost = [];
  for (let [id, draft] of Object.entries(drafts)) {
    // As an earlier version of this page kept them, across an upgrade of the preview.
    if (typeof draft === 'string') draft = {value: draft, name: id};
    const box = document.getElementById(id);
    if (!box) { lost.push(draft); continue; }
    if (box.value === draft.value) continue;
    box.value = draft.value;
    box.classList.add('unsaved');
    box.title = 'Not saved yet: press its Save button to keep it';
  }
  showLost(lost);
}
// Typing whose box is gone is shown, to copy where it belongs, rather than lost.
function showLost(lost) {
  const place = document.getElementById('lost-drafts');
  if (!place || !lost.length) return;
  const intro = document.createElement('p');
  intro.textContent = 'Not saved, and its story is no longer in the draft (merged or ' +
    'dropped): copy what you typed where it belongs. ';
  const done = document.createElement('button');
  done.type = 'button';
  done.id = 'lost-drafts-done';
  done.textContent = 'Done with these';
  done.addEventListener('click', () => {
    place.replaceChildren();
    place.hidden = true;
  });
  intro.append(done);
  place.append(intro);
  for (const [n, draft] of lost.entries()) {
    const label = document.createElement('label');
    label.textContent = draft.name;
    const text = document.createElement('textarea');
    // An id, so that it is kept across the next reload too, until the tab is closed.
    text.id = `lost-draft-${n}`;
    text.readOnly = true;
    text.dataset.name = draft.name;
    text.value = draft.value;
    text.className = 'unsaved';
    label.append(text);
    place.append(label);
  }
  place.hidden = false;
}
restoreDrafts();
// A reload by hand (F5) keeps them too.
window.addEventListener('pagehide', () => { if (!leaving) keepDrafts(null); });

async function post(body, saved = null) {
  if (posting || leaving) return;
  posting = true;
  try {
    const r = await fetch('/api/edit', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-Digest-Token': token},
      body: JSON.stringify(body),
    });
    if (!r.ok) { alert(await r.text()); return; }
  } finally {
    posting = false;
  }
  // The edit's own build may not change the draft (an edit that leaves it as it was):
  // reload anyway, so the controls show the file as it now is.
  if (!leaving) { leaving = true; keepDrafts(saved); location.reload(); }
}

function field(action, story) { return document.getElementById(action + '-' + story); }
function lines(text) { return text.split('\n').map((l) => l.trim()).filter((l) => l); }
const readers = {
  take: (box) => box.value.trim() || null,
  headline: (box) => box.value.trim() || null,
  briefly: (box) => box.value.trim() || null,
  topic: (box) => box.value || null,
  merge_into: (box) => box.value || null,
  also_worth_noting: (box) => lines(box.value).length ? lines(box.value) : null,
  perspectives: (box) => {
    const items = lines(box.value).map((l, n) => {
      const at = l.indexOf(':');
      if (at < 1) {
        throw new Error(`Perspective ${n + 1} ("${l.slice(0, 60)}") has no "Who:" before ` +
          'what they say. Write each one on its own line as "Who: what they say".');
      }
      return {who: l.slice(0, at).trim(), says: l.slice(at + 1).trim()};
    });
    return items.length ? items : null;
  },
};

document.addEventListener('click', (e) => {
  const b = e.target.closest('button[data-action]');
  if (!b) return;
  const story = b.dataset.story;
  if (b.dataset.edits) return post({edits: JSON.parse(b.dataset.edits)});
  if (b.dataset.changes) return post({story, changes: JSON.parse(b.dataset.changes)});
  const key = b.dataset.field;
  let value;
  try { value = readers[key](field(key, story)); } catch (err) { alert(err.message); return; }
  if (key === 'merge_into' && !value) return;
  post({story, changes: {[key]: value}}, key + '-' + story);
});

// Server push: the preview sends the draft's version whenever a build finishes
// (a file changed on disk, or another window's edit). The browser reconnects by itself.
const events = new EventSource('/events');
events.addEventListener('version', (e) => {
  if (!posting) reloadTo(Number(e.data));
});
window.addEventListener('beforeunload', () => events.close());
