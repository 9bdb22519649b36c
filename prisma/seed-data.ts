export async function seedDatabase(_url: string) { return "nothing"; }
