// What the agent needs on a relay call: the etiquette banner, the relay assistant's words as the
// recogniser hears them while they speak, and the switch for a call the line took for a TTY.
//
// The partial words change several times a second, so they are shown in a region that is NOT live;
// the live status line says once per turn that the assistant is speaking, and the finished turn is
// announced by the conversation's log like any message.

import { byId, setText } from '/lib/dom.js';

/** Whether a call runs as relay: by its channel, or because its turns are transcribed speech. */
export function inRelayMode(conversation) {
  if (!conversation) return false;
  if (conversation.channel === 'relay' || conversation.relaySwitched) return true;
  for (const e of conversation.entries.values()) {
    if (e.event.transcription || e.event.kind === 'relay-assistant') return true;
  }
  return false;
}

export function relayHelp(ws, announce) {
  let speakingIn = null;

  function show(conversation) {
    const relay = inRelayMode(conversation);
    byId('relay-help').hidden = !relay;
    byId('tty-help').hidden = !conversation || relay || conversation.channel !== 'tty';
    byId('switch-to-relay').hidden = !conversation || relay || conversation.channel !== 'tty';
    if (!conversation || speakingIn !== conversation.id) heard(null);
  }

  function heard(text) {
    const box = byId('heard-so-far');
    box.hidden = !text;
    setText(byId('heard-so-far-text'), text || '');
  }

  /** A typing frame of the open conversation's resident; true when it was a relay one handled here. */
  function typing(frame, conversation, residentName) {
    if (frame.heardSoFar === undefined && !inRelayMode(conversation)) return false;
    if (frame.active) {
      if (speakingIn !== frame.conversationId) setText(byId('typing'), 'The relay assistant is speaking for ' + residentName + '…');
      speakingIn = frame.conversationId;
      heard(frame.heardSoFar || '');
    } else {
      speakingIn = null;
      setText(byId('typing'), '');
      heard(null);
    }
    return true;
  }

  byId('switch-to-relay').addEventListener('click', async () => {
    const id = ws.selected();
    const conversation = ws.conversation(id);
    if (!conversation) return;
    try {
      await ws.api('POST', '/api/conversations/' + id + '/call-mode', { mode: 'relay' });
      conversation.relaySwitched = true;
      show(conversation);
      announce('The call is now a relay call: the caller\'s speech is transcribed and your replies are spoken.');
      byId('reply').focus();
    } catch (e) {
      announce('The call was not switched: ' + e.message);
    }
  });

  return { show, typing };
}
