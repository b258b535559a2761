import { describe, expect, it, vi } from 'vitest';
import { ATTACHMENT_MAX_BYTES, type Attachment } from '../../shared/domain';
import { createAttachmentClient } from './attachmentClient';
import { attachmentDraftsReducer, canSendMessage, draftReadiness, type AttachmentDraft } from './attachmentDrafts';
import { checkNewAttachments, describeMessageContent, formatFileSize } from './attachmentRules';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });
const stored = (id: number, name = `file-${id}.png`): Attachment => ({ id, name, contentType: 'image/png', size: 10 });

describe('checkNewAttachments', () => {
  it('accepts images and PDFs within the size limit', () => {
    const picked = [file('a.png', 'image/png'), file('b.pdf', 'application/pdf'), file('c.webp', 'image/webp')];
    expect(checkNewAttachments(0, picked)).toEqual({ accepted: picked, problems: [] });
  });

  it('refuses other types, empty files and files over the size limit, naming each', () => {
    const { accepted, problems } = checkNewAttachments(0, [
      file('notes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      file('photo.heic', ''),
      file('empty.png', 'image/png', 0),
      file('huge.pdf', 'application/pdf', ATTACHMENT_MAX_BYTES + 1),
    ]);
    expect(accepted).toEqual([]);
    expect(problems).toEqual([
      "notes.docx can't be attached: only images (PNG, JPEG, GIF, WebP) and PDFs can be sent.",
      "photo.heic can't be attached: only images (PNG, JPEG, GIF, WebP) and PDFs can be sent.",
      'empty.png is empty.',
      'huge.pdf is too large: files can be up to 10 MB.',
    ]);
  });

  it('keeps to the per-message count, counting what is already attached', () => {
    const picked = [file('1.png', 'image/png'), file('2.png', 'image/png'), file('3.png', 'image/png')];
    const { accepted, problems } = checkNewAttachments(2, picked);
    expect(accepted.map((f) => f.name)).toEqual(['1.png', '2.png']);
    expect(problems).toEqual(['You can attach up to 4 files to one message; 1 file was left out.']);
  });
});

describe('formatFileSize and describeMessageContent', () => {
  it('formats sizes as people read them', () => {
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(820)).toBe('820 bytes');
    expect(formatFileSize(12 * 1024)).toBe('12 KB');
    expect(formatFileSize(3.44 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatFileSize(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatFileSize(ATTACHMENT_MAX_BYTES)).toBe('10 MB');
  });

  it('names attachments-only messages', () => {
    expect(describeMessageContent('See photo', 1)).toBe('See photo');
    expect(describeMessageContent('', 1)).toBe('Attachment');
    expect(describeMessageContent('  ', 3)).toBe('3 attachments');
  });
});

describe('attachment drafts', () => {
  const added = (...keys: string[]) =>
    attachmentDraftsReducer<string>([], { type: 'added', drafts: keys.map((key) => ({ key, file: key, name: key, size: 1 })) });

  it('uploads each draft, then lets the message go with the stored ones in picked order', () => {
    let drafts: AttachmentDraft<string>[] = added('a', 'b');
    expect(canSendMessage('', draftReadiness(drafts))).toBe(false);
    expect(canSendMessage('hello', draftReadiness(drafts))).toBe(false);
    drafts = attachmentDraftsReducer(drafts, { type: 'uploaded', key: 'b', attachment: stored(2) });
    drafts = attachmentDraftsReducer(drafts, { type: 'uploaded', key: 'a', attachment: stored(1) });
    expect(draftReadiness(drafts).attachments.map((a) => a.id)).toEqual([1, 2]);
    expect(canSendMessage('', draftReadiness(drafts))).toBe(true);
    expect(attachmentDraftsReducer(drafts, { type: 'sent' })).toEqual([]);
  });

  it('blocks sending while an upload has failed, until it is retried or removed', () => {
    let drafts = attachmentDraftsReducer(added('a'), { type: 'upload-failed', key: 'a', error: 'Too large' });
    expect(drafts[0]).toMatchObject({ status: 'failed', error: 'Too large' });
    expect(canSendMessage('text', draftReadiness(drafts))).toBe(false);
    drafts = attachmentDraftsReducer(drafts, { type: 'retrying', key: 'a' });
    expect(drafts[0]).toMatchObject({ status: 'uploading', error: null });
    drafts = attachmentDraftsReducer(drafts, { type: 'removed', key: 'a' });
    expect(canSendMessage('text', draftReadiness(drafts))).toBe(true);
    expect(canSendMessage('   ', draftReadiness(drafts))).toBe(false);
  });
});

describe('createAttachmentClient', () => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

  it('uploads raw bytes with the type, the encoded file name and the Bearer token', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => json(200, stored(5, 'Bild ö.png')));
    const client = createAttachmentClient('http://127.0.0.1:9', 'tok', fetchImpl);
    const picked = Object.assign(new Blob(['x'], { type: 'image/png' }), { name: 'Bild ö.png' });
    expect(await client.upload(picked)).toEqual({ ok: true, data: stored(5, 'Bild ö.png') });
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://127.0.0.1:9/api/attachments');
    expect(init).toMatchObject({
      method: 'POST',
      body: picked,
      headers: { authorization: 'Bearer tok', 'content-type': 'image/png', 'x-file-name': 'Bild%20%C3%B6.png' },
    });
  });

  it("passes the server's error through, or names the status when there is none", async () => {
    const error = { code: 'payload_too_large', message: 'Files can be at most 10 MB.' };
    const picked = Object.assign(new Blob(['x'], { type: 'image/png' }), { name: 'a.png' });
    const refused = createAttachmentClient('http://x', 't', async () => json(413, { error }));
    expect(await refused.upload(picked)).toEqual({ ok: false, error });
    const bare = createAttachmentClient('http://x', 't', async () => new Response('nope', { status: 403 }));
    expect(await bare.download(1)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const offline = createAttachmentClient('http://x', 't', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await offline.upload(picked)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('downloads with the token once per file, and tries again after a failure', async () => {
    let fail = true;
    const fetchImpl = vi.fn<typeof fetch>(async () => {
      if (fail) return new Response(null, { status: 503 });
      return new Response(new Blob(['%PDF'], { type: 'application/pdf' }), { status: 200 });
    });
    const client = createAttachmentClient('http://x', 'tok', fetchImpl);
    expect((await client.download(3)).ok).toBe(false);
    fail = false;
    const first = await client.download(3);
    const second = await client.download(3);
    expect(first.ok && (await first.data.text())).toBe('%PDF');
    expect(second).toBe(first);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(fetchImpl.mock.calls[1]?.[1]).toEqual({ headers: { authorization: 'Bearer tok' } });
    expect(String(fetchImpl.mock.calls[1]?.[0])).toBe('http://x/api/attachments/3');
  });
});
