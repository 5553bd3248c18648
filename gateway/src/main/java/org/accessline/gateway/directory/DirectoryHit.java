package org.accessline.gateway.directory;

/** A service found, with its agency and how well it matched (higher is better; 0 when listed without words). */
public record DirectoryHit(ServiceEntry service, Agency agency, double score) {}
