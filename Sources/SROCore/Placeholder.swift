enum SROCorePlaceholder {}
