package vn.langnghe.intake.rest;

import java.util.List;

/** A page of a list or feed; pass {@code next} as {@code after} to continue (null at the end). */
public record Page<T>(List<T> items, String next) {}
