// placeholder: filled in by issue 7/9 work
