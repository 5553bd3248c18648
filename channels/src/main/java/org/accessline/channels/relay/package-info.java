/**
 * Relay calls (TRS, 711, IP relay, captioned telephone) on the TTY line's media stream: a
 * communications assistant speaks the resident's words and we speak back. Speech is recognised and
 * synthesised in process behind two ports ({@link org.accessline.channels.relay.SpeechRecognizer},
 * {@link org.accessline.channels.relay.SpeechSynthesizer}); the phrases of relay etiquette (the
 * assistant's identification, "go ahead", "stop keying", parenthesised descriptions) are read by pure
 * functions, and {@link org.accessline.channels.relay.RelayLine} decides the turns.
 */
package org.accessline.channels.relay;
